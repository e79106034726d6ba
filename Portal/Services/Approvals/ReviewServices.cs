namespace EdgePortal.Portal.Services.Approvals;

public static class ReviewServices
{
    /// <summary>Approving and rejecting change sets (the audit history has its own: <c>AddPortalAudit</c>).</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddScoped<IApprovalService, ApprovalService>();
        services.AddScoped<IEmergencyPublishing, EmergencyPublishing>();
        services.AddScoped<RollbackChangeSets>();
        return services;
    }
}
