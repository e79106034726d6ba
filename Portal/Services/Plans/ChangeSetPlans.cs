using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Plans;

/// <summary>The plan a reviewer sees: the one approved, or the one approving now would approve.</summary>
public sealed record ChangeSetPlan(PublishPlan Plan, bool Approved);

/// <summary>The publish plan of a change set, as the review page shows it before the Approve button.</summary>
public sealed class ChangeSetPlans(IDbContextFactory<PortalDbContext> dbFactory, PublishPlanner planner) : IChangeSetPlans
{
    /// <summary>The stored plan once approved; otherwise the plan of the revision approving would make; null while the draft has problems.</summary>
    public async Task<ChangeSetPlan?> ForReviewAsync(long changeSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSet = await db.ChangeSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        if (changeSet is null)
        {
            return null;
        }
        if (changeSet is { ApprovedPlanJson: { } json, State: ChangeSetState.Approved or ChangeSetState.Published })
        {
            return new ChangeSetPlan(PublishPlan.FromJson(json), true);
        }
        var read = DocumentCodec.Read(changeSet.DocumentJson);
        if (!read.IsValid)
        {
            return null;
        }
        var revision = await WouldBeRevisionAsync(db, changeSet, read.Document!, cancellationToken);
        return new ChangeSetPlan((await planner.PlanAsync(revision, cancellationToken: cancellationToken)).Plan, false);
    }

    /// <summary>The revision approving <paramref name="changeSet"/> would add (not saved): the next id and number, its canonical document.</summary>
    public static async Task<Revision> WouldBeRevisionAsync(PortalDbContext db, ChangeSet changeSet, RulesDocument document, CancellationToken cancellationToken)
    {
        var json = DocumentCodec.Write(document);
        return new Revision
        {
            Id = await RevisionIds.NextAsync(db, cancellationToken),
            TargetId = changeSet.TargetId,
            Number = (await db.Revisions.Where(r => r.TargetId == changeSet.TargetId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1,
            DocumentJson = json,
            Sha256 = DocumentCodec.Sha256(json),
            ParentRevisionId = changeSet.BaseRevisionId,
            AuthorId = changeSet.AuthorId,
            AuthorName = changeSet.AuthorName,
        };
    }
}
