using EdgePortal.Edge.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgePortal.Edge.Publishing;

public static class PublishingExtensions
{
    /// <summary>
    /// The publisher, the clients for each target, and the local target kept under <paramref name="local"/>'s
    /// directory. The deployment store defaults to memory; the portal registers its database store first.
    /// </summary>
    public static IServiceCollection AddEdgePublishing(this IServiceCollection services, LocalTargetOptions local, PublisherOptions? options = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(local);
        services.AddSingleton(options ?? new PublisherOptions());
        services.AddSingleton(sp => LocalTarget.Open(local, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LocalLiveHandler>();
        services.AddSingleton<IShippingClientFactory, ShippingClientFactory>();
        services.TryAddSingleton<IDeploymentStore>(sp => new InMemoryDeploymentStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Publisher>();
        return services;
    }
}
