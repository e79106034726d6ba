using System.Net;
using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// <c>EdgePortal:AwsEndpoints</c>: where AWS targets' clients send their requests instead of AWS, for testing against
/// the emulator (tests/AwsEmulator). Loopback addresses only, so a setting can never send a target's traffic elsewhere.
/// </summary>
public sealed record AwsEndpointsOptions
{
    public const string SectionName = "EdgePortal:AwsEndpoints";

    public Uri? Lambda { get; init; }

    public Uri? CloudFront { get; init; }

    public Uri? Sts { get; init; }

    /// <summary>The emulator serves IAM under <c>/iam/</c>.</summary>
    public Uri? Iam { get; init; }

    /// <summary>Null when nothing is set (real AWS); throws naming the setting when it is incomplete or not loopback.</summary>
    public TargetEndpoints? ToTargetEndpoints()
    {
        if (Lambda is null && CloudFront is null && Sts is null && Iam is null)
        {
            return null;
        }
        var lambda = Lambda ?? throw Missing(nameof(Lambda));
        var cloudFront = CloudFront ?? throw Missing(nameof(CloudFront));
        foreach (var (name, uri) in new[] { (nameof(Lambda), lambda), (nameof(CloudFront), cloudFront), (nameof(Sts), Sts), (nameof(Iam), Iam) })
        {
            if (uri is not null && !(uri.IsLoopback || IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)))
            {
                throw new InvalidOperationException($"{SectionName}:{name} must be a loopback address (it is for testing against the emulator); it is {uri}.");
            }
        }
        return new TargetEndpoints(lambda, cloudFront, Sts, Iam);
    }

    private static InvalidOperationException Missing(string name) =>
        new($"{SectionName}:{name} is not set; set Lambda and CloudFront together (Sts and Iam are optional).");
}
