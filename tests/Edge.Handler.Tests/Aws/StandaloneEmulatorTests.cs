using System.Diagnostics;
using System.Text.RegularExpressions;
using EdgePortal.Edge.Shipping.Http;

namespace EdgePortal.Edge.Tests.Aws;

/// <summary>The emulator as a person starts it (`dotnet run --project tests/AwsEmulator -- --urls ...`), here from its build output.</summary>
public sealed partial class StandaloneEmulatorTests
{
    [Fact]
    public async Task Standalone_DefaultSeed_ServesTheSeededFunctionAndDistributionWithPropagationDelay()
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "AwsEmulator.exe" : "AwsEmulator"))
        {
            ArgumentList = { "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator did not start.");
        try
        {
            var baseUri = await ReadAddressAsync(process);
            var options = AwsClientOptions.ForEmulator(baseUri);
            using var lambda = new LambdaHttpClient(options, AwsTestClients.ExampleCredentials);
            using var cloudFront = new CloudFrontHttpClient(options, AwsTestClients.ExampleCredentials);

            var function = await lambda.GetFunctionConfigurationAsync("edge-rules", "6", CancellationToken.None);
            var read = await cloudFront.GetDistributionConfigAsync("EDFDVBD6EXAMPLE", CancellationToken.None);
            await cloudFront.UpdateDistributionAsync("EDFDVBD6EXAMPLE", read.DistributionConfigXml, read.ETag, CancellationToken.None);
            var status = await cloudFront.GetDistributionAsync("EDFDVBD6EXAMPLE", CancellationToken.None);

            Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:6", function.FunctionArn);
            Assert.Contains("<Name>CloudFront-Viewer-Country</Name>", read.DistributionConfigXml.Split("</DefaultCacheBehavior>")[0]);
            Assert.Equal("InProgress", status.Status);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Uri> ReadAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("The emulator stopped without saying where it listens: " + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex("listening on (http://\\S+) ")]
    private static partial Regex ListeningOn();
}
