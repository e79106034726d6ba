using System.Xml.Linq;
using Amazon;
using Amazon.Runtime.Signing;
using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Shipping.Http;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class SignatureTests
{
    [Fact]
    public void Signature_AwsTestSuiteGetVanilla_MatchesThePublishedSignature()
    {
        var canonical = SigV4.CanonicalRequest(new SigV4.CanonicalInput(
            "GET", "/", "",
            new Dictionary<string, string> { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" },
            ["host", "x-amz-date"],
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

        var signature = SigV4.Signature(EmulatorOptions.ExampleSecretAccessKey, "20150830T123600Z", "us-east-1", "service", canonical);

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    [Fact]
    public void CanonicalUri_ArnInThePath_IsEncodedTwice()
    {
        Assert.Equal("/2015-03-31/functions/arn%253Aaws%253Alambda/configuration", SigV4.CanonicalUri("/2015-03-31/functions/arn%3Aaws%3Alambda/configuration"));
    }

    [Fact]
    public async Task LambdaCall_WrongSecret_FailsWithInvalidSignatureException()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator, credentials: AwsCredentialsFactory.FromKeys(EmulatorOptions.ExampleAccessKeyId, "not-the-secret"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.GetFunctionConfigurationAsync(EmulatorSeed.FunctionName, null, CancellationToken.None));

        Assert.Equal(("InvalidSignatureException", 403), (error.Code, error.StatusCode));
        Assert.Contains("The request signature we calculated does not match the signature you provided", error.Message);
    }

    [Fact]
    public async Task CloudFrontCall_WrongSecret_FailsWithSignatureDoesNotMatch()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator, credentials: AwsCredentialsFactory.FromKeys(EmulatorOptions.ExampleAccessKeyId, "not-the-secret"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => cloudFront.GetDistributionAsync(EmulatorSeed.DistributionId, CancellationToken.None));

        Assert.Equal(("SignatureDoesNotMatch", 403), (error.Code, error.StatusCode));
    }

    [Fact]
    public async Task Calls_UnknownAccessKey_FailWithEachServicesCode()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var stranger = AwsCredentialsFactory.FromKeys("AKIDSTRANGER", EmulatorOptions.ExampleSecretAccessKey);
        using var lambda = AwsTestClients.Lambda(emulator, credentials: stranger);
        using var cloudFront = AwsTestClients.CloudFront(emulator, credentials: stranger);

        var lambdaError = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.ListVersionsByFunctionAsync(EmulatorSeed.FunctionName, CancellationToken.None));
        var cloudFrontError = await Assert.ThrowsAsync<AwsServiceException>(() => cloudFront.GetDistributionAsync(EmulatorSeed.DistributionId, CancellationToken.None));

        Assert.Equal("UnrecognizedClientException", lambdaError.Code);
        Assert.Equal("InvalidClientTokenId", cloudFrontError.Code);
    }

    [Fact]
    public async Task UnsignedRequest_IsRefusedWithCloudFrontsErrorDocument()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };

        using var response = await http.GetAsync($"/2020-05-31/distribution/{EmulatorSeed.DistributionId}");
        var error = XElement.Parse(await response.Content.ReadAsStringAsync());

        XNamespace ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal(ns + "ErrorResponse", error.Name);
        Assert.Equal("Sender", error.Element(ns + "Error")?.Element(ns + "Type")?.Value);
        Assert.Equal("MissingAuthenticationToken", error.Element(ns + "Error")?.Element(ns + "Code")?.Value);
    }

    [Fact]
    public async Task SignedAnHourAgo_IsRefusedAsExpired()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var url = new Uri(emulator.BaseUri, $"/2015-03-31/functions/{EmulatorSeed.FunctionName}/configuration");
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Get, RequestUri = url };
        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
        {
            Credentials = AwsTestClients.ExampleCredentials,
            Region = RegionEndpoint.USEast1,
            Service = "lambda",
            SignedAt = DateTime.UtcNow.AddHours(-1),
        }, CancellationToken.None);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.Headers.GetValues("x-amzn-errortype").Single());
        Assert.Contains("Signature expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AuthorizationWithoutSignature_IsRefusedAsIncompleteSignature()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/2015-03-31/functions/{EmulatorSeed.FunctionName}/configuration");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260105/us-east-1/lambda/aws4_request, SignedHeaders=host");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20260105T090000Z");

        using var response = await http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.Headers.GetValues("x-amzn-errortype").Single());
    }
}
