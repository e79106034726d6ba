using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The audit page's text box: what a person types is found wherever it occurs, and only there.</summary>
public sealed class AuditTextSearchTests
{
    // FTS5 query syntax in what people type must be taken as text.
    private const string Odd = "odd/\"quoted\" OR * NEAR( yes";
    private static readonly string[] Added = ["draft/title-12", "draft/title-123", "by/alice", "geo/es-fr", "odd/percent", Odd];

    [Theory]
    [InlineData("title-12", new[] { "draft/title-12", "draft/title-123" })]
    [InlineData("TITLE-12", new[] { "draft/title-12", "draft/title-123" })]
    [InlineData("title-123", new[] { "draft/title-123" })]
    [InlineData("alice@example", new[] { "by/alice" })]
    [InlineData("ES, FR", new[] { "geo/es-fr" })]
    [InlineData("3%", new[] { "odd/percent" })]
    [InlineData("\"quoted\" OR *", new[] { Odd })]
    [InlineData("NEAR(", new[] { Odd })]
    [InlineData("es", new[] { "geo/es-fr", Odd })]
    [InlineData("no such text", new string[0])]
    public async Task Query_Text_FindsEveryEventHoldingItIgnoringCase(string text, string[] subjects)
    {
        await using var factory = new PortalFactory();
        await AddAsync(factory);

        var page = await factory.WithServicesAsync(s => s.GetRequiredService<IAuditHistory>().QueryAsync(new AuditQuery(Text: text), 0, 50));

        Assert.Equal(subjects.Order(), page.Events.Select(e => e.Subject!).Where(Added.Contains).Order());
    }

    [Fact]
    public async Task Query_TextOfThreeOrMore_IsAnsweredFromTheIndex()
    {
        await using var factory = new PortalFactory();
        await AddAsync(factory);

        var plan = await factory.WithServicesAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var sql = (await AuditFilter.ApplyAsync(db, new AuditQuery(Text: "title-12"), CancellationToken.None)).ToQueryString();
            await using var connection = new SqliteConnection($"Data Source={factory.DatabaseFile};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + StripDeclarations(sql, command);
            await using var reader = await command.ExecuteReaderAsync();
            var steps = new List<string>();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
            return string.Join("\n", steps);
        });

        Assert.Contains("VIRTUAL TABLE INDEX", plan, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"SCAN AuditEvents\b", plan);
    }

    [Fact]
    public async Task Query_EventsWrittenBeforeTheIndexExisted_AreFound()
    {
        await using var factory = new PortalFactory();
        await AddAsync(factory);
        await ExecuteAsync(factory, """DELETE FROM "AuditEventsText"; INSERT INTO "AuditEventsText"("AuditEventsText") VALUES ('delete-all');""");
        Assert.Empty((await QueryAsync(factory, "title-123")).Events);

        // What the migration does for a history that predates it.
        await ExecuteAsync(factory, """INSERT INTO "AuditEventsText"("AuditEventsText") VALUES ('rebuild');""");

        Assert.Equal("draft/title-123", Assert.Single((await QueryAsync(factory, "title-123")).Events).Subject);
    }

    private static Task<AuditPage> QueryAsync(PortalFactory factory, string text) =>
        factory.WithServicesAsync(s => s.GetRequiredService<IAuditHistory>().QueryAsync(new AuditQuery(Text: text), 0, 50));

    private static Task AddAsync(PortalFactory factory) => factory.WithServicesAsync(async s =>
    {
        await using var db = await s.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var audit = s.GetRequiredService<AuditLog>();
        audit.Add(db, "bob@example.com", "draft.saved", "local", "draft/title-12", new { rule = "title-12" });
        audit.Add(db, "bob@example.com", "draft.saved", "local", "draft/title-123", new { rule = "title-123" });
        audit.Add(db, "alice@example.com", "user.signed-in", null, "by/alice");
        audit.Add(db, "bob@example.com", "draft.saved", "local", "geo/es-fr", new { countries = "ES, FR" });
        audit.Add(db, "bob@example.com", "draft.saved", "local", "odd/percent", new { note = "13% off" });
        audit.Add(db, "bob@example.com", "draft.saved", "local", Odd);
        await db.SaveChangesAsync();
        return 0;
    });

    private static async Task ExecuteAsync(PortalFactory factory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    // ToQueryString() starts with ".param set @p 'value'" lines; they become the command's parameters.
    private static string StripDeclarations(string sql, SqliteCommand command)
    {
        var lines = sql.Split('\n');
        foreach (var line in lines.TakeWhile(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            command.Parameters.AddWithValue(parts[0], parts[1].Trim().Trim('\''));
        }
        return string.Join('\n', lines.SkipWhile(l => l.StartsWith(".param set ", StringComparison.Ordinal)));
    }
}
