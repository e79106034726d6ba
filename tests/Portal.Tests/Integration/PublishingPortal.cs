using System.Security.Claims;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Document;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>
/// The portal (on <see cref="PortalFactory"/>'s data directory) with a local target that propagates in
/// milliseconds, plus what the publishing tests need: users, revisions, waiting for a deployment to end.
/// </summary>
public sealed class PublishingPortal : IAsyncDisposable
{
    private int _users;

    public PublishingPortal()
        : this(new PortalFactory())
    {
    }

    private PublishingPortal(PortalFactory factory, Action<IWebHostBuilder>? configure = null)
    {
        Factory = factory;
        App = Fast(factory, configure);
    }

    /// <summary>A portal with more settings or services (an emulator's endpoints, say).</summary>
    public static PublishingPortal With(Action<IWebHostBuilder> configure) => new(new PortalFactory(), configure);

    /// <summary>A portal of its own whose publishing settings (<c>EdgePortal:Publishing:Name</c>) differ from the fast ones.</summary>
    public static PublishingPortal With(params (string Name, string Value)[] publishing) => With(builder =>
    {
        foreach (var (name, value) in publishing)
        {
            builder.UseSetting($"{PortalPublishingOptions.SectionName}:{name}", value);
        }
    });

    public PortalFactory Factory { get; }

    public WebApplicationFactory<Program> App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>A second portal on the same data directory, as after a restart.</summary>
    public static PublishingPortal Restarted(PublishingPortal before) => On(before.Factory.DataDirectory);

    /// <summary>A portal on a data directory prepared beforehand (files an older portal left, say).</summary>
    public static PublishingPortal On(string dataDirectory) => new(new PortalFactory { DataDirectory = dataDirectory });

    public static WebApplicationFactory<Program> Fast(PortalFactory factory, Action<IWebHostBuilder>? configure = null) => factory.WithWebHostBuilder(builder =>
    {
        builder
            .UseSetting($"{PortalPublishingOptions.SectionName}:LocalPropagationDelay", "00:00:00.050")
            .UseSetting($"{PortalPublishingOptions.SectionName}:LocalInvalidationDelay", "00:00:00.050")
            .UseSetting($"{PortalPublishingOptions.SectionName}:LocalPollInterval", "00:00:00.050")
            .UseSetting($"{PortalPublishingOptions.SectionName}:BusyRetryInterval", "00:00:00.100");
        configure?.Invoke(builder);
    });

    public async Task<ClaimsPrincipal> UserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}{Interlocked.Increment(ref _users)}@example.com";
        await using var scope = Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, role, "Str0ng-Password!", actor: "test");
        Assert.Null(added.Error);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user!);
    }

    /// <summary>Adds the next revision of <paramref name="targetId"/> straight into the database (approvals land elsewhere).</summary>
    public async Task<Revision> AddRevisionAsync(RulesDocument document, string targetId = PortalDatabase.LocalTargetId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var json = RulesDocumentJson.Serialize(document);
        var last = await db.Revisions.Where(r => r.TargetId == targetId).OrderByDescending(r => r.Number).FirstOrDefaultAsync();
        var revision = new Revision
        {
            TargetId = targetId,
            Number = (last?.Number ?? 0) + 1,
            DocumentJson = json,
            Sha256 = DocumentCodec.Sha256(json),
            ParentRevisionId = last?.Id,
            AuthorId = "test",
            AuthorName = "test@example.com",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Revisions.Add(revision);
        await db.SaveChangesAsync();
        return revision;
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Waits until the worker has recorded the deployment's end in the audit trail (after the live revision).</summary>
    public async Task<Deployment> FinishedAsync(string deploymentId)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!patience.IsCancellationRequested)
        {
            var actions = await AuditActionsAsync(deploymentId);
            if (actions.Contains(AuditActions.PublishSucceeded) || actions.Contains(AuditActions.PublishFailed))
            {
                return (await Services.GetRequiredService<IDeploymentStore>().LoadAsync(deploymentId, CancellationToken.None))!;
            }
            await Task.Delay(50, CancellationToken.None);
        }
        var stuck = await Services.GetRequiredService<IDeploymentStore>().LoadAsync(deploymentId, CancellationToken.None);
        throw new TimeoutException($"Deployment {deploymentId} did not finish; it is {stuck?.State} at {stuck?.CurrentStep}.");
    }

    /// <summary>Waits until the deployment's audit trail holds <paramref name="action"/> <paramref name="times"/> times (a resumed one ends twice).</summary>
    public async Task<Deployment> AuditedAsync(string deploymentId, string action, int times = 1)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!patience.IsCancellationRequested)
        {
            if ((await AuditActionsAsync(deploymentId)).Count(a => a == action) >= times)
            {
                return (await Services.GetRequiredService<IDeploymentStore>().LoadAsync(deploymentId, CancellationToken.None))!;
            }
            await Task.Delay(50, CancellationToken.None);
        }
        throw new TimeoutException($"Deployment {deploymentId} was not audited {action} {times} time(s).");
    }

    public async Task<IReadOnlyList<string>> AuditActionsAsync(string deploymentId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var subject = PublishAudit.Subject(deploymentId);
        return await db.AuditEvents.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    public async Task<long?> LiveRevisionIdAsync(string targetId = PortalDatabase.LocalTargetId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Targets.Where(t => t.Id == targetId).Select(t => t.LiveRevisionId).SingleAsync();
    }

    /// <summary>Waits (its propagation delay) until the local distribution reports Deployed.</summary>
    public async Task DeployedAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (LocalState().DistributionStatus != "Deployed")
        {
            await Task.Delay(100, patience.Token);
        }
    }

    public LocalTargetState LocalState() =>
        LocalTargetState.Read(Services.GetRequiredService<LocalAws>(), Services.GetRequiredService<LocalTargetOptions>());

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
