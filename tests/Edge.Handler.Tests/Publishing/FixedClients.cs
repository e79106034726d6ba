using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>The same clients for every target.</summary>
public sealed class FixedClients(ShippingClients clients) : IShippingClientFactory
{
    public ShippingClients Create(Target target) => clients;
}
