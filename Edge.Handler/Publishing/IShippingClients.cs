using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>The Lambda and CloudFront clients that reach one target.</summary>
public sealed record ShippingClients(ILambdaClient Lambda, ICloudFrontClient CloudFront);

/// <summary>Gives the clients for a target: HTTP clients for AWS (or the emulator), the simulation for the local target.</summary>
public interface IShippingClientFactory
{
    ShippingClients Create(Target target);
}
