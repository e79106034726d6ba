using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>
/// The real portal on a real SQLite file in its own temporary data directory (deleted on dispose
/// unless another factory is handed the same directory to test a restart).
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Bootstrap-Pass-123";

    private readonly string _ownDirectory;

    public PortalFactory()
    {
        _ownDirectory = NewDataDirectory();
        DataDirectory = _ownDirectory;
    }

    /// <summary>Another factory's directory, to test a restart; then the test deletes it.</summary>
    public string DataDirectory { get; init; }

    /// <summary>False: no <c>Bootstrap:</c> settings, so the first start generates the admin's password.</summary>
    public bool ConfigureAdmin { get; init; } = true;

    /// <summary>More configuration for this portal (<c>Audit:SealKey</c>…), applied last.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The hosting environment; the factory's default is Development.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>Services a test adds on top of the portal's (a failing interceptor…).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    public string DatabaseFile => Path.Combine(DataDirectory, PortalPaths.DatabaseFileName);

    public LogCapture Logs { get; } = new();

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "edgeportal-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(PortalPaths.DataDirectoryKey, DataDirectory);
        if (ConfigureAdmin)
        {
            builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
            builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (EnvironmentName is not null)
        {
            builder.UseEnvironment(EnvironmentName);
        }
        if (ExtraServices is not null)
        {
            builder.ConfigureServices(ExtraServices);
        }
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Adds an account with a role and returns the principal the portal would build for it at sign-in.</summary>
    public async Task<ClaimsPrincipal> CreateUserAsync(string email, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, role, "Str0ng-Password!", actor: "test");
        Assert.Null(added.Error);
        return await PrincipalForAsync(email);
    }

    public async Task<ClaimsPrincipal> PrincipalForAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
    }

    /// <summary>Runs <paramref name="action"/> with a scope of the app's services.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (DataDirectory == _ownDirectory && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
