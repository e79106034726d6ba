using System.Globalization;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Plans;

/// <summary>Approving approves a publish plan; publishing executes it, or refuses with a sentence when a part no longer holds.</summary>
public sealed class PublishPlanTests(PublishingPortal portal) : IClassFixture<PublishingPortal>
{
    [Fact]
    public async Task ApproveAsync_SubmittedChangeSet_StoresThePlanOfItsRevision()
    {
        var (plan, revision) = await portal.ApprovedAsync(PlanSteps.Caching("/approved/*"));

        var build = HandlerBuilder.Build(DocumentCodec.ReadStored(revision.DocumentJson), revision.Id.ToString(CultureInfo.InvariantCulture), revision.Sha256);
        Assert.Equal(revision.Id, plan.RevisionId);
        Assert.Equal(revision.Sha256, plan.DocumentSha256);
        Assert.Equal(revision.ParentRevisionId, plan.BaseRevisionId);
        Assert.Equal(await portal.LiveRevisionIdAsync(), plan.LiveRevisionId);
        Assert.Equal(build.CodeSha256, plan.CodeSha256);
        Assert.Equal(build.Zip.Length, plan.PackageBytes);
        var preview = await portal.WithAsync(s => s.GetRequiredService<PublishService>().PreviewAsync("local", revision.Id));
        Assert.Equal(preview!.Plan.Paths.Select(p => p.Path), plan.InvalidationPaths.Select(p => p.Path));
        Assert.True(plan.InvalidationPaths.Any(p => p.Path == "/approved/*" && p.Reasons.Count > 0), string.Join(" ", plan.InvalidationPaths.Select(p => p.Path)));
        Assert.Equal(["*"], plan.Distribution.CacheBehaviors);
        Assert.Equal(["origin-request", "origin-response"], plan.Distribution.EventTypes);
        Assert.Equal(["*"], plan.Settings.CacheBehaviors);
    }

    [Fact]
    public async Task StartPublishAsync_PlanStillHolds_DeploymentExecutesAndRecordsIt()
    {
        var (plan, revision) = await portal.ApprovedAsync(PlanSteps.Caching("/executed/*"));

        var queued = Assert.IsType<PublishResult.Queued>(await portal.PublishAsync(revision.Id));
        var deployment = await portal.FinishedAsync(queued.DeploymentId);

        Assert.True(deployment.Error is null, deployment.Error);
        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.Equal(plan.CodeSha256, deployment.Request.CodeSha256);
        Assert.Equal(plan.InvalidationPaths.Select(p => p.Path), deployment.Request.InvalidationPaths);
        var recorded = await portal.WithAsync(s => s.GetRequiredService<DeploymentPlans>().OfAsync(queued.DeploymentId, CancellationToken.None));
        Assert.Equal(plan, PublishPlan.FromJson(recorded!.PlanJson), PlanComparer.Instance);
    }

    [Fact]
    public async Task StartPublishAsync_TargetSettingsChangedAfterApproval_IsRefusedNamingTheBehaviours()
    {
        var (_, revision) = await portal.ApprovedAsync(PlanSteps.Caching("/settings/*"));
        var before = await portal.SetBehavioursAsync(["*", "/img/*"]);
        try
        {
            var refused = Assert.IsType<PublishResult.Refused>(await portal.PublishAsync(revision.Id));

            Assert.Equal(
                "Publishing refused: the approved plan no longer holds. The target's settings changed since the plan was approved: the cache behaviours (*, now *, /img/*).",
                refused.Message);
        }
        finally
        {
            await portal.SetBehavioursAsync(before);
        }
    }

    [Fact]
    public async Task StartPublishAsync_LiveMovedAfterApproval_IsRefusedNamingBothRevisions()
    {
        var (plan, revision) = await portal.ApprovedAsync(PlanSteps.Caching("/stale/*"));
        var other = await portal.ApprovedAsync(PlanSteps.Caching("/other/*"));
        await portal.FinishedAsync(Assert.IsType<PublishResult.Queued>(await portal.PublishAsync(other.Revision.Id)).DeploymentId);

        var refused = Assert.IsType<PublishResult.Refused>(await portal.PublishAsync(revision.Id));

        Assert.Contains(
            $"Live moved since the plan was approved: it was based on revision #{plan.BaseRevisionNumber}, and revision #{other.Revision.Number} is live now; the change set must be rebased and approved again.",
            refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Plans hold lists, which records compare by reference: compare them as JSON.</summary>
    private sealed class PlanComparer : IEqualityComparer<PublishPlan>
    {
        public static PlanComparer Instance { get; } = new();

        public bool Equals(PublishPlan? x, PublishPlan? y) => x?.ToJson() == y?.ToJson();

        public int GetHashCode(PublishPlan obj) => obj.ToJson().GetHashCode(StringComparison.Ordinal);
    }
}
