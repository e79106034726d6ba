namespace EdgePortal.Portal.Services.Plans;

public static class PlanServices
{
    /// <summary>Making, keeping and checking publish plans.</summary>
    public static IServiceCollection AddPublishPlans(this IServiceCollection services)
    {
        services.AddSingleton<PublishPlanner>();
        services.AddSingleton<PublishPlanCheck>();
        services.AddSingleton<DeploymentPlans>();
        services.AddSingleton<DeploymentPlanGate>();
        services.AddSingleton<IChangeSetPlans, ChangeSetPlans>();
        return services;
    }
}
