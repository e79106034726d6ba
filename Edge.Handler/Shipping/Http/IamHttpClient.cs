using System.Xml.Linq;
using Amazon.Runtime;

namespace EdgePortal.Edge.Shipping.Http;

/// <summary>IAM GetRole over the query protocol (API version 2010-05-08), signed for us-east-1.</summary>
public sealed class IamHttpClient : IIamClient, IDisposable
{
    private static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    private readonly AwsHttpSender _sender;
    private readonly Uri _endpoint;

    public IamHttpClient(AwsClientOptions options, AWSCredentials credentials, RetryPolicy? retry = null, HttpMessageHandler? transport = null)
    {
        _endpoint = options.IamEndpoint;
        _sender = new AwsHttpSender(credentials, "us-east-1", "iam", retry ?? new RetryPolicy(options.Retry), AwsErrorParser.Iam, transport);
    }

    public async Task<IamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var answer = await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new FormUrlEncodedContent([new("Action", "GetRole"), new("RoleName", roleName), new("Version", "2010-05-08")]),
        }, cancellationToken).ConfigureAwait(false);
        var role = XDocument.Parse(answer.Body).Root?.Element(Ns + "GetRoleResult")?.Element(Ns + "Role")
            ?? throw new InvalidDataException("IAM's GetRole answer has no Role.");
        string Text(string name) => role.Element(Ns + name)?.Value ?? throw new InvalidDataException($"IAM's Role has no {name}.");
        // The trust policy arrives URL-encoded inside the XML, as IAM always sends it.
        return new IamRole(Text("RoleName"), Text("Arn"), Uri.UnescapeDataString(Text("AssumeRolePolicyDocument")));
    }

    public void Dispose() => _sender.Dispose();
}
