using EdgePortal.Edge;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the portal's root namespace so Extensions.cs calls it without a using.
namespace EdgePortal.Portal;

public static class PublishingRegistration
{
    /// <summary>
    /// The handler builder, the publisher with the local target under <c>&lt;data&gt;/local-aws</c>, deployments in
    /// the database (old files under <c>&lt;data&gt;/deployments</c> imported once at start-up), the publish service and its worker.
    /// </summary>
    public static IServiceCollection AddPortalPublishing(this IServiceCollection services)
    {
        services.AddEdgeHandler();
        services.AddSingleton(sp => PublishLockLease.ForThisProcess(PortalOptions(sp).LockLease));
        services.AddSingleton<DatabaseDeploymentStore>();
        services.AddSingleton<IDeploymentStore>(sp => sp.GetRequiredService<DatabaseDeploymentStore>());
        services.AddSingleton<DeploymentFileImport>();
        // The data directory is known only once the host is built (tests set it late), so the options
        // given here are placeholders replaced by ones resolved from the service provider.
        services.AddEdgePublishing(new LocalTargetOptions { Directory = "local-aws" });
        services.Replace(ServiceDescriptor.Singleton(LocalOptions));
        services.Replace(ServiceDescriptor.Singleton(sp => PortalOptions(sp).ToPublisherOptions()));
        services.Replace(ServiceDescriptor.Singleton(sp =>
            LocalTarget.Open(sp.GetRequiredService<LocalTargetOptions>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<PublishEvents>();
        services.AddSingleton<PublishQueue>();
        services.AddSingleton<PublishAudit>();
        services.AddSingleton<PublishCompletion>();
        services.AddSingleton(sp => AwsEndpointsOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ServedRevisions>();
        services.AddScoped<PublishService>();
        services.AddScoped<TargetCheckService>();
        services.AddScoped<DeploymentHistory>();
        services.AddScoped<DeploymentQuery>();
        services.AddSingleton<InvalidationStatuses>();
        services.AddScoped<TryRequestService>();
        services.AddHostedService<PublishWorker>();
        return services;
    }

    private static PortalPublishingOptions PortalOptions(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetSection(PortalPublishingOptions.SectionName).Get<PortalPublishingOptions>() ?? new();

    private static LocalTargetOptions LocalOptions(IServiceProvider services)
    {
        var options = PortalOptions(services);
        return new LocalTargetOptions
        {
            Directory = Path.Combine(services.GetRequiredService<PortalPaths>().DataDirectory, "local-aws"),
            PropagationDelay = options.LocalPropagationDelay,
            InvalidationDelay = options.LocalInvalidationDelay,
        };
    }
}
