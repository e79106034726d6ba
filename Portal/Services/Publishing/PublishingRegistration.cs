using EdgePortal.Edge;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.Extensions.Options;

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
        services.AddOptions<PortalPublishingOptions>().BindConfiguration(PortalPublishingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalPublishingOptions>, PortalPublishingOptionsValidation>();
        services.AddOptions<AwsEndpointsOptions>().BindConfiguration(AwsEndpointsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AwsEndpointsOptions>, AwsEndpointsOptionsValidation>();
        // The data directory is known only once the host is built (tests set it late): the options come from the provider.
        services.AddEdgePublishing(LocalOptions, sp => PortalOptions(sp).ToPublisherOptions());
        services.AddSingleton<PublishEvents>();
        services.AddSingleton<PublishQueue>();
        services.AddSingleton<PublishAudit>();
        services.AddSingleton<PublishCompletion>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AwsEndpointsOptions>>().Value);
        services.AddSingleton<ServedRevisions>();
        services.AddPublishPlans();
        services.AddScoped<PublishService>();
        services.AddScoped<TargetCheckService>();
        services.AddScoped<Services.Targets.DistributionAdoption>();
        services.AddScoped<Services.Targets.IPromotionService, Services.Targets.PromotionService>();
        services.AddScoped<DeploymentHistory>();
        services.AddScoped<DeploymentQuery>();
        services.AddSingleton<InvalidationStatuses>();
        services.AddScoped<TryRequestService>();
        services.AddHostedService<PublishWorker>();
        return services;
    }

    private static PortalPublishingOptions PortalOptions(IServiceProvider services) =>
        services.GetRequiredService<IOptions<PortalPublishingOptions>>().Value;

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
