using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Rules.Diff;
using EdgePortal.Rules.Invalidation;
using EdgePortal.Rules.Lint;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Approvals;

/// <summary>Lists and reviews; the decisions are in ApprovalService.Decisions.cs.</summary>
public sealed partial class ApprovalService(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time, PublishPlanner planner) : IApprovalService
{
    public async Task<IReadOnlyList<ChangeSetSummary>> ListAsync(ClaimsPrincipal user, string? targetId = null, ChangeSetState? state = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ChangeSets.AsNoTracking();
        if (!user.IsAtLeast(PortalRoles.Admin))
        {
            // DraftVisibility's rule, as a query.
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            query = query.Where(c => c.State != ChangeSetState.Draft || c.AuthorId == userId);
        }
        query = string.IsNullOrEmpty(targetId) ? query : query.Where(c => c.TargetId == targetId);
        query = state is null ? query : query.Where(c => c.State == state);
        return await query.OrderByDescending(c => c.UpdatedAt).Select(Projections.ChangeSetSummary).ToListAsync(cancellationToken);
    }

    public async Task<ChangeSetReview?> GetReviewAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSet = await db.ChangeSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        if (changeSet is null || !DraftVisibility.CanRead(user, changeSet.State, changeSet.AuthorId))
        {
            return null;
        }
        var baseRevision = await db.Revisions.AsNoTracking().FirstAsync(r => r.Id == changeSet.BaseRevisionId, cancellationToken);
        var liveId = await db.Targets.Where(t => t.Id == changeSet.TargetId).Select(t => t.LiveRevisionId).FirstOrDefaultAsync(cancellationToken);
        var live = liveId is null || liveId == baseRevision.Id
            ? baseRevision
            : await db.Revisions.AsNoTracking().FirstAsync(r => r.Id == liveId, cancellationToken);
        // A rebase drops approvals, so only the newest revision of an approved, failed or published change set counts.
        var approved = await db.Revisions.AsNoTracking()
            .Where(r => r.ChangeSetId == changeSet.Id && (changeSet.State == ChangeSetState.Approved || changeSet.State == ChangeSetState.Failed || changeSet.State == ChangeSetState.Published))
            .OrderByDescending(r => r.Number).Select(Projections.RevisionSummary).FirstOrDefaultAsync(cancellationToken);

        var thread = await ChangeSetThread.ReadAsync(db, changeSet.Id, changeSet.TargetId, cancellationToken);
        // One approval per person: the table allows reviewers to approve, the approvals say who already did.
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var alreadyApproved = thread.Approvals.Any(a => a.UserId == userId);
        var allowed = ChangeSetLifecycle.Allowed(user, changeSet.State, changeSet.AuthorId).Where(a => !(alreadyApproved && a == ChangeSetAction.Approve)).ToHashSet();
        var draft = DocumentCodec.ReadStored(changeSet.DocumentJson);
        var baseDocument = DocumentCodec.ReadStored(baseRevision.DocumentJson);
        var liveDocument = live == baseRevision ? baseDocument : DocumentCodec.ReadStored(live.DocumentJson);
        return new ChangeSetReview(
            new ChangeSetView(Projections.ToChangeSetSummary(changeSet), draft),
            Projections.ToRevisionSummary(baseRevision),
            Projections.ToRevisionSummary(live),
            DocumentDiff.Compare(baseDocument, draft),
            live == baseRevision ? null : DocumentDiff.Compare(liveDocument, draft),
            DocumentLinter.Lint(draft),
            DocumentCodec.Validate(draft),
            // What a publish would have to invalidate is the difference from what is live now.
            InvalidationPlanner.Plan(liveDocument, draft),
            approved,
            alreadyApproved ? new ReviewDecision(false, AlreadyApproved) : Decide(user, changeSet),
            live == baseRevision ? null : StaleBase.Refusal(changeSet.Id, baseRevision.Number, live.Number, changeSet.TargetId),
            thread,
            allowed);
    }

    private static async Task<string> StaleRefusalAsync(PortalDbContext db, ChangeSet changeSet, long liveId, CancellationToken cancellationToken)
    {
        var numbers = await db.Revisions.AsNoTracking().Where(r => r.Id == changeSet.BaseRevisionId || r.Id == liveId)
            .ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
        return StaleBase.Refusal(changeSet.Id, numbers[changeSet.BaseRevisionId], numbers[liveId], changeSet.TargetId);
    }

    /// <summary>Whether the user may approve now, and if not the table's sentence why.</summary>
    internal static ReviewDecision Decide(ClaimsPrincipal user, ChangeSet changeSet) =>
        ChangeSetLifecycle.Decide(user, changeSet.State, changeSet.AuthorId, changeSet.AuthorName, ChangeSetAction.Approve) is { Allowed: false } refused
            ? new(false, refused.Refusal)
            : ReviewDecision.Yes;
}
