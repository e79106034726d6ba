using System.Security.Claims;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Document;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>
/// A local target that takes 5 s to deploy and publishes that wait only 2 s for it: every publish ends
/// "associated; deployment not confirmed", and resuming the wait once the distribution has deployed finishes it.
/// </summary>
public sealed class PublishingUnconfirmedTests : IAsyncLifetime
{
    private static readonly CacheRule First = new() { Id = "first", Path = "/first/*", MaxAge = 60 };
    private static readonly CacheRule Trial = new() { Id = "trial", Path = "/trial/*", MaxAge = 60 };
    private static readonly CacheRule Next = new() { Id = "next", Path = "/next/*", MaxAge = 60 };

    private readonly PublishingPortal _portal = PublishingPortal.With(("LocalPropagationDelay", "00:00:05"), ("DeployedTimeout", "00:00:02"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ResumeWait_AfterTheDistributionDeployed_MakesTheRevisionLiveAndInvalidatesItsPlan()
    {
        var approver = await _portal.UserAsync("Approver");
        var revision = await _portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [First] });

        var unconfirmed = await PublishAsync(approver, revision.Id);
        var liveBefore = await _portal.LiveRevisionIdAsync();
        var before = _portal.LocalState();
        await _portal.DeployedAsync();
        var resumed = await Service(s => s.ResumeWaitAsync(approver, PortalDatabase.LocalTargetId, unconfirmed.Id));
        var finished = await _portal.AuditedAsync(unconfirmed.Id, AuditActions.PublishSucceeded);

        Assert.Equal((DeploymentState.Failed, true), (unconfirmed.State, unconfirmed.DeploymentUnconfirmed));
        Assert.StartsWith("Associated; deployment not confirmed. Wait until the distribution is Deployed:", unconfirmed.Error);
        Assert.NotEqual(revision.Id, liveBefore);
        Assert.Contains(before.Associations, a => a.CacheBehavior == "*" && a.FunctionArn == unconfirmed.VersionArn);
        Assert.DoesNotContain(before.Invalidations, i => i.CallerReference == unconfirmed.Id);
        Assert.IsType<PublishResult.Queued>(resumed);
        Assert.Equal((DeploymentState.Succeeded, false), (finished.State, finished.DeploymentUnconfirmed));
        Assert.Equal(revision.Id, await _portal.LiveRevisionIdAsync());
        Assert.Equal(["/first/*"], Assert.Single(_portal.LocalState().Invalidations, i => i.CallerReference == unconfirmed.Id).Paths);
        Assert.Equal(
            [AuditActions.PublishRequested, AuditActions.PublishStarted, AuditActions.PublishFailed,
                AuditActions.PublishResumed, AuditActions.PublishStarted, AuditActions.PublishSucceeded],
            await _portal.AuditActionsAsync(unconfirmed.Id));
    }

    [Fact]
    public async Task Preview_AfterAnUnconfirmedDeployment_PlansAgainstItAsWellAsTheLiveRevision()
    {
        var approver = await _portal.UserAsync("Approver");
        var live = await _portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [First] });
        var first = await PublishAsync(approver, live.Id);
        await _portal.DeployedAsync();
        await Service(s => s.ResumeWaitAsync(approver, PortalDatabase.LocalTargetId, first.Id));
        await _portal.AuditedAsync(first.Id, AuditActions.PublishSucceeded);
        var trial = await _portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [First, Trial] });
        var unconfirmed = await PublishAsync(approver, trial.Id);
        var next = await _portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [First, Next] });

        var preview = await Service(s => s.PreviewAsync(PortalDatabase.LocalTargetId, next.Id));

        Assert.True(unconfirmed.DeploymentUnconfirmed);
        Assert.Equal(live.Id, await _portal.LiveRevisionIdAsync());
        // Against the live revision alone only /next/* changed; the edge may be serving the trial, whose /trial/* goes too.
        Assert.Equal(["/next/*", "/trial/*"], preview!.Plan.Paths.Select(p => p.Path));
        Assert.Contains($"Also planned against revision #{trial.Number}: deployment {unconfirmed.Id} associated it without confirming its deployment, so the edge may still serve it.",
            preview.Plan.Notes);
    }

    [Fact]
    public async Task ResumeWait_Refusals_NameTheReason()
    {
        var approver = await _portal.UserAsync("Approver");
        var editor = await _portal.UserAsync("Editor");
        var older = await PublishAsync(approver, (await _portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [First] })).Id);
        var newer = await PublishAsync(approver, (await _portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [Trial] })).Id);

        var forbidden = await Service(s => s.ResumeWaitAsync(editor, PortalDatabase.LocalTargetId, newer.Id));
        var superseded = await Service(s => s.ResumeWaitAsync(approver, PortalDatabase.LocalTargetId, older.Id));
        var unknown = await Service(s => s.ResumeWaitAsync(approver, PortalDatabase.LocalTargetId, "dep-nope"));

        Assert.Contains("Editor", Assert.IsType<PublishResult.Forbidden>(forbidden).Message, StringComparison.Ordinal);
        Assert.Equal($"Deployment {newer.Id} (revision {newer.Request.RevisionId}) came later and associated its own version; publish again instead of resuming {older.Id}.",
            Assert.IsType<PublishResult.Refused>(superseded).Message);
        Assert.Equal("There is no deployment 'dep-nope' to target 'local'.", Assert.IsType<PublishResult.Refused>(unknown).Message);
        Assert.Equal(DeploymentState.Failed, (await _portal.WithAsync(s => s.GetRequiredService<IDeploymentStore>().LoadAsync(older.Id, default)))!.State);
    }

    private Task<T> Service<T>(Func<PublishService, Task<T>> action) => _portal.WithAsync(s => action(s.GetRequiredService<PublishService>()));

    private async Task<Deployment> PublishAsync(ClaimsPrincipal user, long revisionId)
    {
        var result = await Service(s => s.StartPublishAsync(user, PortalDatabase.LocalTargetId, revisionId));
        var deployment = await _portal.FinishedAsync(Assert.IsType<PublishResult.Queued>(result).DeploymentId);
        Assert.True(deployment.DeploymentUnconfirmed, deployment.Error);
        return deployment;
    }
}
