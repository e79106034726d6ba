using EdgePortal.Edge.Build;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgePortal.Edge;

public static class Extensions
{
    /// <summary>Registers the handler builder and the rest of Edge.Handler's services.</summary>
    public static IServiceCollection AddEdgeHandler(this IServiceCollection services)
    {
        services.TryAddSingleton<IHandlerBuilder, DefaultHandlerBuilder>();
        return services;
    }
}
