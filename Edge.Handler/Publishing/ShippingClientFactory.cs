using System.Collections.Concurrent;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Shipping.Http;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// The local target's in-process AWS for <see cref="TargetKind.Local"/>; signed HTTP clients for AWS (or the
/// endpoints a target names), one pair per target, kept for the life of the factory.
/// </summary>
public sealed class ShippingClientFactory(LocalAws local, TimeProvider timeProvider) : IShippingClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<Target, Lazy<(LambdaHttpClient Lambda, CloudFrontHttpClient CloudFront)>> _aws = new();

    public ShippingClients Create(Target target)
    {
        if (target.Kind == TargetKind.Local)
        {
            return new ShippingClients(local, local);
        }
        var (lambda, cloudFront) = _aws.GetOrAdd(target, t => new(() => Connect(t))).Value;
        return new ShippingClients(lambda, cloudFront);
    }

    public void Dispose()
    {
        foreach (var clients in _aws.Values.Where(c => c.IsValueCreated))
        {
            clients.Value.Lambda.Dispose();
            clients.Value.CloudFront.Dispose();
        }
    }

    private (LambdaHttpClient, CloudFrontHttpClient) Connect(Target target)
    {
        if (target.Credentials.RoleArn is { } role)
        {
            // Assuming a role needs STS (AWSSDK.SecurityToken), which this build does not carry.
            throw new PublishFailedException(
                $"target.credentials.roleArn: assuming {role} directly is not supported; configure a shared profile or environment credentials for that role and leave roleArn empty.");
        }
        var options = target.Endpoints is { } endpoints
            ? new AwsClientOptions { LambdaEndpoint = endpoints.Lambda, CloudFrontEndpoint = endpoints.CloudFront }
            : new AwsClientOptions();
        var credentials = AwsCredentialsFactory.FromDefaultChain();
        return (new LambdaHttpClient(options, credentials, new RetryPolicy(options.Retry, timeProvider)),
            new CloudFrontHttpClient(options, credentials, new RetryPolicy(options.Retry, timeProvider)));
    }
}
