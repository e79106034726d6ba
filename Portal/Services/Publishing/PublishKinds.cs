using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>Whether publishing a revision is a rollback: it was live on the target before (a succeeded deployment), and is not live now.</summary>
public static class PublishKinds
{
    public static async Task<PublishKind> OfAsync(PortalDbContext db, Data.Target target, Revision revision, CancellationToken cancellationToken)
    {
        if (target.LiveRevisionId == revision.Id)
        {
            return PublishKind.Publish;
        }
        var revisionId = revision.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.Deployments.AnyAsync(d => d.TargetId == target.Id && d.RevisionId == revisionId && d.State == DeploymentState.Succeeded, cancellationToken)
            ? PublishKind.Rollback
            : PublishKind.Publish;
    }
}
