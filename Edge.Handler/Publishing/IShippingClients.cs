using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>The Lambda and CloudFront clients that reach one target.</summary>
public sealed record ShippingClients(ILambdaClient Lambda, ICloudFrontClient CloudFront)
{
    /// <summary>Reads the execution role for the preflight; null when the portal has no way to (the check then says it could not check).</summary>
    public IIamClient? Iam { get; init; }
}

/// <summary>Gives the clients for a target: HTTP clients for AWS (or the emulator), the simulation for the local target.</summary>
public interface IShippingClientFactory
{
    ShippingClients Create(Target target);
}
