using System.Security.Claims;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Lifecycle;

/// <summary>
/// Publishing a revision made by approving a change set is the table's Publish move of that change set: refused
/// once its author withdrew or abandoned it after the approval. A revision already published once (a re-publish
/// or a rollback) and a revision made without a change set are not a change set's move.
/// </summary>
internal static class PublishGate
{
    public static async Task<string?> RefuseAsync(PortalDbContext db, ClaimsPrincipal user, Revision revision, CancellationToken cancellationToken)
    {
        if (revision.ChangeSetId is not { } changeSetId)
        {
            return null;
        }
        var changeSet = await db.ChangeSets.AsNoTracking().Where(c => c.Id == changeSetId)
            .Select(c => new { c.State, c.AuthorId, c.AuthorName }).FirstOrDefaultAsync(cancellationToken);
        if (changeSet is null || changeSet.State == ChangeSetState.Published)
        {
            return null;
        }
        var decision = ChangeSetLifecycle.Decide(user, changeSet.State, changeSet.AuthorId, changeSet.AuthorName, ChangeSetAction.Publish);
        return decision.Allowed ? null : $"Revision {revision.Number} came from change set {changeSetId}, which is {ChangeSetLifecycle.Describe(changeSet.State)}; only an approved change set is published.";
    }
}
