using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Integration;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Plans;

/// <summary>The steps the plan tests share: a change set approved on live, its plan and revision, the target's settings.</summary>
internal static class PlanSteps
{
    public static RulesDocument Caching(string path) =>
        RulesDocument.Empty with { Cache = [new CacheRule { Id = "assets", Path = path, MaxAge = 600 }] };

    /// <summary>An editor's change set holding <paramref name="document"/>, submitted (not approved).</summary>
    public static async Task<ChangeSetSummary> SubmittedAsync(this PublishingPortal portal, RulesDocument document)
    {
        var editor = await portal.UserAsync("Editor");
        var draft = Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().GetOrCreateDraftAsync(editor, "local")));
        var edited = Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().SaveDraftAsync(editor, draft.Id, document, draft.Version)));
        return Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().SubmitAsync(editor, edited.Id, edited.Version, "A planned change", "What the plan tests publish.")));
    }

    /// <summary>A change set holding <paramref name="document"/>, approved by a new Approver: its stored plan and revision.</summary>
    public static async Task<(PublishPlan Plan, Revision Revision)> ApprovedAsync(this PublishingPortal portal, RulesDocument document)
    {
        var submitted = await portal.SubmittedAsync(document);
        var approver = await portal.UserAsync("Approver");
        Saved(await portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(approver, submitted.Id, submitted.Version, "ok")));
        await using var db = await portal.DbAsync();
        var changeSet = await db.ChangeSets.AsNoTracking().SingleAsync(c => c.Id == submitted.Id);
        return (PublishPlan.FromJson(changeSet.ApprovedPlanJson!), await portal.RevisionOfAsync(submitted.Id));
    }

    public static async Task<Revision> RevisionOfAsync(this PublishingPortal portal, long changeSetId)
    {
        await using var db = await portal.DbAsync();
        return await db.Revisions.AsNoTracking().SingleAsync(r => r.ChangeSetId == changeSetId);
    }

    public static async Task<PublishResult> PublishAsync(this PublishingPortal portal, long revisionId, string role = "Approver")
    {
        var user = await portal.UserAsync(role);
        return await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(user, "local", revisionId));
    }

    /// <summary>Sets the local target's cache behaviours; returns those it had.</summary>
    public static async Task<List<string>> SetBehavioursAsync(this PublishingPortal portal, List<string> behaviours)
    {
        await using var db = await portal.DbAsync();
        var target = await db.Targets.SingleAsync(t => t.Id == "local");
        var before = target.CacheBehaviors;
        target.CacheBehaviors = behaviours;
        await db.SaveChangesAsync();
        return before;
    }

    public static async Task<PortalDbContext> DbAsync(this PublishingPortal portal) =>
        await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    public static ChangeSetSummary Saved(ChangeSetResult result) => Assert.IsType<ChangeSetResult.Saved>(result).ChangeSet.Summary;
}
