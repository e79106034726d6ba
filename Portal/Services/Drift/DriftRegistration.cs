using EdgePortal.Portal.Services.Drift;
using EdgePortal.Portal.Services.Versions;

// In the portal's root namespace so Extensions.cs calls it without a using.
namespace EdgePortal.Portal;

public static class DriftRegistration
{
    /// <summary>The drift check on demand and every <c>EdgePortal:Drift:Interval</c>, and the Lambda version hygiene.</summary>
    public static IServiceCollection AddPortalDrift(this IServiceCollection services)
    {
        services.AddSingleton(sp => DriftOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<TargetConnections>();
        services.AddSingleton<DriftReports>();
        services.AddSingleton<DriftService>();
        services.AddHostedService<DriftWorker>();
        services.AddSingleton(sp => VersionOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<VersionService>();
        return services;
    }
}
