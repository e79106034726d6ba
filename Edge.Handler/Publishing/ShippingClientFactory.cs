using System.Collections.Concurrent;
using AWSCredentials = Amazon.Runtime.AWSCredentials;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Shipping.Http;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// The local target's in-process AWS for <see cref="TargetKind.Local"/>; signed HTTP clients for AWS (or the
/// endpoints a target names), one pair per target, kept for the life of the factory.
/// </summary>
public sealed class ShippingClientFactory : IShippingClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<Target, Lazy<(LambdaHttpClient Lambda, CloudFrontHttpClient CloudFront, IamHttpClient? Iam)>> _aws = new();
    private readonly LocalAws _local;
    private readonly TimeProvider _timeProvider;
    private readonly Func<AWSCredentials> _sourceCredentials;

    public ShippingClientFactory(LocalAws local, TimeProvider timeProvider)
        : this(local, timeProvider, AwsCredentialsFactory.FromDefaultChain)
    {
    }

    /// <param name="sourceCredentials">The identity to sign with, or to assume a target's role with (default: the AWS chain).</param>
    public ShippingClientFactory(LocalAws local, TimeProvider timeProvider, Func<AWSCredentials> sourceCredentials)
    {
        _local = local;
        _timeProvider = timeProvider;
        _sourceCredentials = sourceCredentials;
    }

    public ShippingClients Create(Target target)
    {
        if (target.Kind == TargetKind.Local)
        {
            return new ShippingClients(_local, _local) { Iam = _local };
        }
        var (lambda, cloudFront, iam) = _aws.GetOrAdd(target, t => new(() => Connect(t))).Value;
        return new ShippingClients(lambda, cloudFront) { Iam = iam };
    }

    public void Dispose()
    {
        foreach (var clients in _aws.Values.Where(c => c.IsValueCreated))
        {
            clients.Value.Lambda.Dispose();
            clients.Value.CloudFront.Dispose();
            clients.Value.Iam?.Dispose();
        }
    }

    /// <summary>STS allows 2 to 64 of letters, digits and <c>+=,.@_-</c>; CloudTrail shows it, so it names the target.</summary>
    private static string SessionName(Target target)
    {
        var name = new string([.. ("edgeportal-" + target.Name).Select(c => char.IsAsciiLetterOrDigit(c) || "+=,.@_-".Contains(c) ? c : '-')]);
        return name.Length > 64 ? name[..64] : name;
    }

    /// <summary>An emulator target without an IAM endpoint gets no IAM client: the trust check says it could not check.</summary>
    private (LambdaHttpClient, CloudFrontHttpClient, IamHttpClient?) Connect(Target target)
    {
        var options = target.Endpoints is { } endpoints
            ? new AwsClientOptions { LambdaEndpoint = endpoints.Lambda, CloudFrontEndpoint = endpoints.CloudFront }
            : new AwsClientOptions();
        if (target.Endpoints?.Iam is { } iamEndpoint)
        {
            options = options with { IamEndpoint = iamEndpoint };
        }
        var credentials = _sourceCredentials();
        if (target.Credentials.RoleArn is { } role)
        {
            credentials = AwsCredentialsFactory.AssumeRole(credentials, role, SessionName(target),
                target.Credentials.ExternalId, target.Endpoints?.Sts);
        }
        var iam = target.Endpoints is null || target.Endpoints.Iam is not null
            ? new IamHttpClient(options, credentials, new RetryPolicy(options.Retry, _timeProvider))
            : null;
        return (new LambdaHttpClient(options, credentials, new RetryPolicy(options.Retry, _timeProvider)),
            new CloudFrontHttpClient(options, credentials, new RetryPolicy(options.Retry, _timeProvider)), iam);
    }
}
