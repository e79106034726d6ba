using System.Security.Claims;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Plans;

/// <summary>Emergency publish: Admins only, with a reason, at once, loudly, and reviewed after the fact by someone else.</summary>
public sealed class EmergencyPublishingTests(PublishingPortal portal) : IClassFixture<PublishingPortal>
{
    [Theory]
    [InlineData("Approver")]
    [InlineData("Editor")]
    public async Task PublishAsync_BelowAdmin_IsForbidden(string role)
    {
        var submitted = await portal.SubmittedAsync(PlanSteps.Caching($"/{role}/*"));
        var user = await portal.UserAsync(role);

        var result = await EmergencyAsync(user, submitted, "the site is down");

        Assert.Equal($"An emergency publish needs the Admin role; you are {role}. Ask for a review instead.", Assert.IsType<PublishResult.Forbidden>(result).Message);
        Assert.Null((await ChangeSetAsync(submitted.Id)).EmergencyReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task PublishAsync_BlankReason_IsRefusedNamingTheReason(string reason)
    {
        var submitted = await portal.SubmittedAsync(PlanSteps.Caching("/blank/*"));
        var admin = await portal.UserAsync("Admin");

        var result = await EmergencyAsync(admin, submitted, reason);

        Assert.Equal("reason: say why this cannot wait for review (1 to 1000 characters); it is kept in the audit history.", Assert.IsType<PublishResult.Refused>(result).Message);
        Assert.Equal(ChangeSetState.InReview, (await ChangeSetAsync(submitted.Id)).State);
    }

    [Fact]
    public async Task PublishAsync_TooLongReason_IsRefused()
    {
        var submitted = await portal.SubmittedAsync(PlanSteps.Caching("/long/*"));
        var admin = await portal.UserAsync("Admin");

        Assert.IsType<PublishResult.Refused>(await EmergencyAsync(admin, submitted, new string('x', 1001)));
    }

    [Fact]
    public async Task PublishAsync_Admin_PublishesAtOnceOnAStoredPlanMarkedWithTheReason()
    {
        var submitted = await portal.SubmittedAsync(PlanSteps.Caching("/emergency/*"));
        var admin = await portal.UserAsync("Admin");

        var queued = Assert.IsType<PublishResult.Queued>(await EmergencyAsync(admin, submitted, "checkout broken in CA"));
        var deployment = await portal.FinishedAsync(queued.DeploymentId);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        var changeSet = await ChangeSetAsync(submitted.Id);
        Assert.Equal(ChangeSetState.Published, changeSet.State);
        Assert.Equal("checkout broken in CA", changeSet.EmergencyReason);
        var plan = PublishPlan.FromJson(changeSet.ApprovedPlanJson!);
        Assert.Equal(plan.CodeSha256, deployment.Request.CodeSha256);
        var recorded = await portal.WithAsync(s => s.GetRequiredService<DeploymentPlans>().OfAsync(queued.DeploymentId, CancellationToken.None));
        Assert.Equal("checkout broken in CA", recorded!.EmergencyReason);
        var view = await portal.WithAsync(s => s.GetRequiredService<DeploymentHistory>().GetAsync(queued.DeploymentId));
        Assert.Equal("checkout broken in CA", view!.EmergencyReason);
        await using var db = await portal.DbAsync();
        var audited = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditActions.EmergencyPublished && e.Subject == $"changeset/{submitted.Id}");
        Assert.Contains("checkout broken in CA", audited.DetailsJson, StringComparison.Ordinal);
        var needing = await portal.WithAsync(s => s.GetRequiredService<IEmergencyPublishing>().NeedingReviewAsync());
        Assert.Contains(needing, c => c.Id == submitted.Id);
    }

    [Fact]
    public async Task AcknowledgeAsync_ThePublisher_IsForbiddenAndAnotherApproverAcknowledges()
    {
        var submitted = await portal.SubmittedAsync(PlanSteps.Caching("/acknowledge/*"));
        var admin = await portal.UserAsync("Admin");
        await portal.FinishedAsync(Assert.IsType<PublishResult.Queued>(await EmergencyAsync(admin, submitted, "hotfix")).DeploymentId);

        var own = await AcknowledgeAsync(admin, submitted.Id, "I checked my own work");
        var blank = await AcknowledgeAsync(await portal.UserAsync("Approver"), submitted.Id, " ");
        var reviewer = await portal.UserAsync("Approver");
        var acknowledged = await AcknowledgeAsync(reviewer, submitted.Id, "diff is what the incident needed");
        var again = await AcknowledgeAsync(await portal.UserAsync("Admin"), submitted.Id, "me too");

        Assert.Equal("You published this change set in an emergency; a second person must review it after the fact.", Assert.IsType<ChangeSetResult.Forbidden>(own).Message);
        Assert.Equal("comment: say what you checked (1 to 1000 characters).", Assert.IsType<ChangeSetResult.Invalid>(blank).Message);
        Assert.IsType<ChangeSetResult.Saved>(acknowledged);
        Assert.Equal($"{reviewer.Identity!.Name} already reviewed this emergency publish.", Assert.IsType<ChangeSetResult.Invalid>(again).Message);
        var status = await portal.WithAsync(s => s.GetRequiredService<IEmergencyPublishing>().StatusAsync(submitted.Id));
        Assert.False(status!.NeedsReview);
        Assert.Equal("diff is what the incident needed", status.Comment);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.EmergencyAcknowledged && e.Subject == $"changeset/{submitted.Id}" && e.Actor == reviewer.Identity.Name));
    }

    private Task<PublishResult> EmergencyAsync(ClaimsPrincipal user, ChangeSetSummary changeSet, string reason) =>
        portal.WithAsync(s => s.GetRequiredService<IEmergencyPublishing>().PublishAsync(user, changeSet.Id, changeSet.Version, reason));

    private Task<ChangeSetResult> AcknowledgeAsync(ClaimsPrincipal user, long changeSetId, string comment) =>
        portal.WithAsync(s => s.GetRequiredService<IEmergencyPublishing>().AcknowledgeAsync(user, changeSetId, comment));

    private async Task<ChangeSet> ChangeSetAsync(long id)
    {
        await using var db = await portal.DbAsync();
        return await db.ChangeSets.AsNoTracking().SingleAsync(c => c.Id == id);
    }
}
