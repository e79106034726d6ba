using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgePortal.Portal.Data.Migrations
{
    /// <summary>
    /// The audit page's text search as an SQLite FTS5 index over the events (AuditEventSearch in Services/Audit).
    /// External content: the index keeps no second copy of the text, only trigrams pointing at event ids, filled by
    /// a trigger on insert (events are never updated or deleted), so no code path can forget it. The model does not
    /// change: the index is not an entity.
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261202040000_AuditEventSearch")]
    public partial class AuditEventSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "AuditEventsText" USING fts5(
                    "Actor", "Action", "TargetId", "Subject", "DetailsJson",
                    content='AuditEvents', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_Text" AFTER INSERT ON "AuditEvents" BEGIN
                    INSERT INTO "AuditEventsText"(rowid, "Actor", "Action", "TargetId", "Subject", "DetailsJson")
                    VALUES (new."Id", new."Actor", new."Action", new."TargetId", new."Subject", new."DetailsJson");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "AuditEventsText"("AuditEventsText") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AuditEvents_Text";""");
            migrationBuilder.Sql("""DROP TABLE "AuditEventsText";""");
        }
    }
}
