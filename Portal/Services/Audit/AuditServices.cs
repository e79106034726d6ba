using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Audit;

public static class AuditServices
{
    /// <summary>
    /// The audit log, its keys (resolved when first needed: test hosts set the data directory late), the
    /// interceptor that seals every audit event into the chain, checkpoints and their writer, the history.
    /// </summary>
    public static IServiceCollection AddPortalAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton(sp => AuditKeys.From(sp.GetRequiredService<PortalPaths>(), sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<AuditChainInterceptor>();
        services.ConfigureDbContext<PortalDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<AuditChainInterceptor>()));
        services.AddSingleton<AuditCheckpoints>();
        services.AddSingleton<AuditVerifier>();
        services.AddHostedService<AuditCheckpointWriter>();
        services.AddScoped<IAuditHistory, AuditHistory>();
        return services;
    }
}
