using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// The audit filter's free text: "contains this text, ignoring case" in the actor, action, target, subject or
/// details. From three characters on, SQLite answers from the trigram index (migration AuditEventSearch) in
/// milliseconds; shorter text, and databases without the index, scan with LIKE, which means the same.
/// </summary>
public static class AuditTextSearch
{
    /// <summary>The trigram tokenizer indexes runs of three characters; a shorter needle matches nothing in it.</summary>
    public const int IndexedLength = 3;

    public static IQueryable<AuditEvent> Apply(PortalDbContext db, IQueryable<AuditEvent> events, string text)
    {
        if (text.Length >= IndexedLength && db.Database.IsSqlite())
        {
            // One FTS5 string (a phrase of trigrams): quotes doubled, so the text is data, never query syntax.
            var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var matching = db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "AuditEventsText" WHERE "AuditEventsText" MATCH {phrase}""");
            return events.Where(e => matching.Contains(e.Id));
        }
        // LIKE is case-insensitive for ASCII in SQLite; the user's % and _ are taken literally.
        var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return events.Where(e => EF.Functions.Like(e.Actor, pattern, "\\") || EF.Functions.Like(e.Action, pattern, "\\")
            || EF.Functions.Like(e.TargetId!, pattern, "\\") || EF.Functions.Like(e.Subject!, pattern, "\\")
            || EF.Functions.Like(e.DetailsJson, pattern, "\\"));
    }
}
