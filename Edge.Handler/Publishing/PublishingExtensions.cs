using EdgePortal.Edge.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgePortal.Edge.Publishing;

public static class PublishingExtensions
{
    /// <summary>
    /// The publisher, the clients for each target, and the local target kept under the directory <paramref name="local"/>
    /// gives. The options are resolved from the service provider, so a host whose settings are known only once it is
    /// built (the portal's data directory) passes them here rather than replacing registrations afterwards.
    /// The deployment store defaults to memory; the portal registers its own first.
    /// </summary>
    public static IServiceCollection AddEdgePublishing(this IServiceCollection services,
        Func<IServiceProvider, LocalTargetOptions> local, Func<IServiceProvider, PublisherOptions>? options = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(local);
        services.AddSingleton(sp => options?.Invoke(sp) ?? new PublisherOptions());
        services.AddSingleton(sp => LocalTarget.Open(sp.GetRequiredService<LocalTargetOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LocalLiveHandler>();
        services.AddSingleton<IShippingClientFactory, ShippingClientFactory>();
        services.TryAddSingleton<IDeploymentStore>(sp => new InMemoryDeploymentStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Publisher>();
        return services;
    }
}
