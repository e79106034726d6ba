using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Approvals;

public static class ReviewServices
{
    /// <summary>Approvals, the audit history, and the interceptor that seals every audit event into the hash chain.</summary>
    public static IServiceCollection AddApprovalsAndAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditChainInterceptor>();
        services.ConfigureDbContext<PortalDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<AuditChainInterceptor>()));
        services.AddScoped<IApprovalService, ApprovalService>();
        services.AddScoped<IAuditHistory, AuditHistory>();
        return services;
    }
}
