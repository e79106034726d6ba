using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Plans;

/// <summary>
/// The id the next revision will get. A plan's build bakes the revision id into the handler, so the plan of a revision
/// not saved yet needs its id first: revisions are AUTOINCREMENT and never deleted, so the next id is the highest one
/// SQLite ever handed out (<c>sqlite_sequence</c>) plus one, and inside the approval's write transaction nobody else can take it.
/// </summary>
public static class RevisionIds
{
    public static async Task<long> NextAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>("SELECT COALESCE(MAX(\"seq\"), 0) AS \"Value\" FROM \"sqlite_sequence\" WHERE \"name\" = 'Revisions'")
            .SingleAsync(cancellationToken) + 1;
}
