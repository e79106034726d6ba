using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Documents;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Approvals;

/// <summary>
/// "Roll back to revision N" is a change set like any other: its document is revision N's, its base the live revision,
/// and it is submitted for review at once. Nothing reaches the edge until a second person approves it and it is published.
/// </summary>
public sealed class RollbackChangeSets(IDbContextFactory<PortalDbContext> dbFactory, IChangeSetService changeSets)
{
    public static string Title(int revisionNumber) => $"Roll back to revision {revisionNumber}";

    /// <summary>The submitted rollback change set, or why there is none.</summary>
    public async Task<ChangeSetResult> CreateAsync(ClaimsPrincipal user, string targetId, long revisionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var liveId = await db.Targets.Where(t => t.Id == targetId).Select(t => t.LiveRevisionId).FirstOrDefaultAsync(cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.TargetId == targetId, cancellationToken);
        if (revision is null || liveId is not { } live)
        {
            return new ChangeSetResult.NotFound($"revisionId: revision {revisionId} is not a revision of \"{targetId}\" with something live to roll back from.");
        }
        if (revision.Id == live)
        {
            return new ChangeSetResult.Invalid($"Revision {revision.Number} is live already; there is nothing to roll back.", []);
        }
        var draft = await changeSets.CreateDraftAsync(user, targetId, live, DocumentCodec.ReadStored(revision.DocumentJson), cancellationToken);
        if (draft is not ChangeSetResult.Saved created)
        {
            return draft;
        }
        var titled = await changeSets.RenameAsync(user, created.ChangeSet.Id, Title(revision.Number), created.ChangeSet.Version, cancellationToken);
        return titled is ChangeSetResult.Saved renamed
            ? await changeSets.SubmitAsync(user, renamed.ChangeSet.Id, renamed.ChangeSet.Version, Title(revision.Number),
                $"Puts revision #{revision.Number}'s document back on the edge, on top of the live revision; it goes through review like any change.", cancellationToken)
            : titled;
    }
}
