using EdgePortal.Edge.Node;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class PublishingTests(PublishingPortal portal) : IClassFixture<PublishingPortal>
{
    public static readonly RulesDocument SeedExample = RulesDocumentJson.Parse("""
        {
          "schema": "edgeportal.rules/v1",
          "geo": { "mode": "allow", "countries": ["US", "CA", "GB", "DE"] },
          "redirects": [
            { "id": "ca", "path": "/*", "countries": ["CA"], "location": "https://ca.example.com/", "status": 301 },
            { "id": "us", "path": "/*", "countries": ["US"], "location": "https://us.example.com/", "status": 301 }
          ]
        }
        """).Document!;

    private static RulesDocument Caching(string path) =>
        RulesDocument.Empty with { Cache = [new CacheRule { Id = "assets", Path = path, MaxAge = 600 }] };

    [Fact]
    public async Task StartPublish_Approver_MakesRevisionLiveOnNewVersionWithPlannedInvalidation()
    {
        var approver = await portal.UserAsync("Approver");
        var revision = await portal.AddRevisionAsync(SeedExample with { Cache = [new CacheRule { Id = "first", Path = "/first/*", MaxAge = 60 }] });
        var versionsBefore = portal.LocalState().Versions.Count;
        var preview = await portal.WithAsync(s => s.GetRequiredService<PublishService>().PreviewAsync("local", revision.Id));

        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, "local", revision.Id)));
        var deployment = await portal.FinishedAsync(queued.DeploymentId);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.False(deployment.VersionReused);
        var state = portal.LocalState();
        Assert.Equal(versionsBefore + 1, state.Versions.Count);
        Assert.Matches(@":\d+$", deployment.VersionArn);
        Assert.Contains(state.Associations, a => a.CacheBehavior == "*" && a.EventType == "origin-request" && a.FunctionArn == deployment.VersionArn);
        Assert.Equal(revision.Id, await portal.LiveRevisionIdAsync());
        Assert.NotNull(preview);
        Assert.False(preview.Plan.IsEmpty);
        var invalidation = Assert.Single(state.Invalidations, i => i.CallerReference == deployment.Id);
        Assert.Equal(preview.Plan.Paths.Select(p => p.Path), invalidation.Paths);
        Assert.Equal(
            [AuditActions.PublishRequested, AuditActions.PublishStarted, AuditActions.PublishSucceeded],
            await portal.AuditActionsAsync(deployment.Id));
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Viewer")]
    public async Task StartPublish_BelowApprover_IsForbiddenAndNothingIsQueued(string role)
    {
        var user = await portal.UserAsync(role);
        var revision = await portal.AddRevisionAsync(Caching("/forbidden/*"));
        var before = await portal.WithAsync(s => s.GetRequiredService<DeploymentHistory>().ListAsync("local", max: 1000));

        var result = await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(user, "local", revision.Id));

        var forbidden = Assert.IsType<PublishResult.Forbidden>(result);
        Assert.Contains(role, forbidden.Message, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await portal.WithAsync(s => s.GetRequiredService<DeploymentHistory>().ListAsync("local", max: 1000))).Count);
    }

    [Fact]
    public async Task StartPublish_RevisionOfAnotherTarget_IsRefused()
    {
        var approver = await portal.UserAsync("Admin");

        var result = await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, "prod-eu", 1));

        Assert.Equal("There is no target 'prod-eu'.", Assert.IsType<PublishResult.Refused>(result).Message);
        var missing = await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, "local", 999_999));
        Assert.Equal("Revision 999999 does not belong to target 'local'.", Assert.IsType<PublishResult.Refused>(missing).Message);
    }

    [Fact]
    public async Task StartPublish_SameRevisionTwice_ReusesTheVersion()
    {
        var approver = await portal.UserAsync("Approver");
        var revision = await portal.AddRevisionAsync(Caching("/twice/*"));

        var first = await PublishAsync(approver, revision.Id);
        var second = await PublishAsync(approver, revision.Id);

        Assert.Equal(DeploymentState.Succeeded, second.State);
        Assert.False(first.VersionReused);
        Assert.True(second.VersionReused);
        Assert.Equal(first.VersionArn, second.VersionArn);
        Assert.Equal(PublishKind.Publish, second.Request.Kind);
    }

    [Fact]
    public async Task StartPublish_EarlierLiveRevisionWithoutReview_IsRefusedPointingToTheRollbackChangeSet()
    {
        var approver = await portal.UserAsync("Approver");
        var older = await portal.AddRevisionAsync(Caching("/older/*"));
        var newer = await portal.AddRevisionAsync(Caching("/newer/*"));
        await PublishAsync(approver, older.Id);
        await PublishAsync(approver, newer.Id);

        var result = await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, PortalDatabase.LocalTargetId, older.Id));

        Assert.Equal(
            $"Revision #{older.Number} was live before; going back to it is a change set that goes through review: use \"Roll back to revision {older.Number}\" on the publishing page.",
            Assert.IsType<PublishResult.Refused>(result).Message);
        Assert.Equal(newer.Id, await portal.LiveRevisionIdAsync());
    }

    [Fact]
    public async Task TryRequest_CanadianViewerUnderSeedExample_HandlerRedirectsLikeTheEvaluator()
    {
        NodeExecutable.Find();
        var approver = await portal.UserAsync("Approver");
        var revision = await portal.AddRevisionAsync(SeedExample);
        await PublishAsync(approver, revision.Id);

        var tried = await portal.WithAsync(s => s.GetRequiredService<TryRequestService>()
            .TryAsync("local", new TryRequest("/products/1", "CA", "", EdgeEvent.OriginRequest)));

        Assert.Null(tried.Error);
        Assert.Contains("\"status\": \"301\"", tried.HandlerJson, StringComparison.Ordinal);
        Assert.Contains("https://ca.example.com/", tried.HandlerJson, StringComparison.Ordinal);
        Assert.Equal(DecisionAction.Redirect, tried.Expected!.Action);
        Assert.Equal("https://ca.example.com/", tried.Expected.Location);
        Assert.Equal(revision.Id, tried.LiveRevision!.Id);
    }

    private async Task<Deployment> PublishAsync(System.Security.Claims.ClaimsPrincipal user, long revisionId)
    {
        var result = await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(user, PortalDatabase.LocalTargetId, revisionId));
        var deployment = await portal.FinishedAsync(Assert.IsType<PublishResult.Queued>(result).DeploymentId);
        Assert.Null(deployment.Error);
        return deployment;
    }
}
