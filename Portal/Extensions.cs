using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Api;
using EdgePortal.Portal.Components;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Hosting;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Editing;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace EdgePortal.Portal;

public static class Extensions
{
    /// <summary>The web app: components, MudBlazor, data, accounts with cookie sign-in, role policies.</summary>
    public static void AddPortalServices(this WebApplicationBuilder builder)
    {
        builder.AddPortalHosting();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddRuleEditing();
        builder.AddPortalData();
        builder.AddPortalAccounts();
        builder.Services.AddPortalSignIn();
        builder.Services.AddPortalPublishing();
        builder.Services.AddPortalDrift();
        builder.Services.AddPortalApi();
    }

    /// <summary>
    /// The database and the services over it; shared by the web app and the command line.
    /// The data directory is resolved when first needed, so test hosts can still configure it.
    /// </summary>
    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => PortalPaths.Resolve(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<SqliteBusyTimeoutInterceptor>();
        services.AddDbContextFactory<PortalDbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<PortalPaths>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<SqliteBusyTimeoutInterceptor>()));
        services.AddSingleton<PortalDatabase>();
        services.AddSingleton<DraftDocumentCache>();
        services.AddScoped<IRevisionService, RevisionService>();
        services.AddScoped<ITargetService, TargetService>();
        services.AddScoped<Services.Targets.TargetAdminService>();
        services.AddScoped<IChangeSetService, ChangeSetService>();
        services.AddPortalAudit();
        services.AddApprovals();
        return builder;
    }

    /// <summary>Identity's user and role stores (no sign-in: the command line uses this too).</summary>
    public static IHostApplicationBuilder AddPortalAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<PortalUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();
        builder.Services.AddSingleton<UserAccounts>();
        builder.Services.AddSingleton<ApiTokens>();
        builder.Services.AddSingleton<AccountSeeder>();
        return builder;
    }

    private static void AddPortalSignIn(this IServiceCollection services)
    {
        services.AddAccountSessions();
        services.AddScoped<SignInService>();
        services.AddSingleton(sp => SignInLimits.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SignInThrottle>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "EdgePortal.Auth";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Antiforgery's default sets no Secure flag at all; over HTTPS (or behind a TLS proxy) its cookie must have it too.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalRoles.Viewer, p => p.RequireRole(PortalRoles.AtLeast(PortalRoles.Viewer)))
            .AddPolicy(PortalRoles.Editor, p => p.RequireRole(PortalRoles.AtLeast(PortalRoles.Editor)))
            .AddPolicy(PortalRoles.Approver, p => p.RequireRole(PortalRoles.AtLeast(PortalRoles.Approver)))
            .AddPolicy(PortalRoles.Admin, p => p.RequireRole(PortalRoles.AtLeast(PortalRoles.Admin)));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        // Keys in the data directory, so that sign-in cookies survive a restart.
        services.AddDataProtection().SetApplicationName("EdgePortal");
        services.AddOptions<KeyManagementOptions>().Configure<PortalPaths, ILoggerFactory>((options, paths, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(paths.KeysDirectory), logs));
    }

    /// <summary>Migrates the database, imports deployment files left by an older portal, and seeds roles, the local target and the first admin.</summary>
    public static async Task InitializePortalAsync(this IServiceProvider services, bool bootstrapAdmin, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<PortalDatabase>().MigrateAsync(cancellationToken);
        // Before the publish worker starts: it resumes what the imported deployments left unfinished.
        if (services.GetService<Services.Publishing.DeploymentFileImport>() is { } import)
        {
            await import.ImportAsync(cancellationToken);
        }
        await services.GetRequiredService<AccountSeeder>().SeedAsync(bootstrapAdmin, cancellationToken);
    }

    public static void UsePortal(this WebApplication app)
    {
        app.UsePortalHosting();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<PasswordChangeRequiredMiddleware>();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapExportEndpoints();
        app.MapAuditEndpoints();
        app.MapPortalApi();
    }
}
