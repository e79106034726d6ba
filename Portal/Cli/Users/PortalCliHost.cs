using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Cli.Users;

/// <summary>
/// The portal's data and account services without the web server, configured like the web app
/// (appsettings.json and environment variables from the current directory), with the database migrated.
/// </summary>
public static class PortalCliHost
{
    /// <param name="publishing">Also the publishing services (targets, the local target), for verbs that reach a target.</param>
    public static async Task<IHost> StartAsync(string? dataDirectory, CancellationToken cancellationToken, bool publishing = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            Args = [],
        });
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            builder.Configuration[PortalPaths.DataDirectoryKey] = dataDirectory;
        }
        // The verbs' output is what the user asked for; framework logging would bury it.
        builder.Logging.ClearProviders();
        builder.AddPortalData();
        builder.AddPortalAccounts();
        if (publishing)
        {
            builder.Services.AddPortalPublishing();
        }
        var host = builder.Build();
        await host.Services.InitializePortalAsync(bootstrapAdmin: false, cancellationToken);
        return host;
    }
}
