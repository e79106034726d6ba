using System.Security.Claims;
using EdgePortal.Portal.Services.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Tampering straight in SQLite, as whoever can write the database would; each test has its own portal.</summary>
public sealed class AuditSealTests
{
    [Fact]
    public async Task Verify_CommentRewrittenAndLaterEventsRehashed_NamesThatEventAndAction()
    {
        await using var factory = new PortalFactory();
        var (approver, approvedId) = await ApproveWithCommentAsync(factory, "ship it on Monday");
        await AddEventsAsync(factory, 3);
        var approval = await OneEventAsync(factory, AuditActions.ChangeSetApproved);

        await using (var attacker = new AuditTampering(factory.DatabaseFile))
        {
            Assert.Equal(1, await attacker.ExecuteAsync("UPDATE AuditEvents SET DetailsJson = replace(DetailsJson, 'Monday', 'Friday') WHERE Id = $id", ("$id", approval.Id)));
            await attacker.RehashFromAsync(approval.Id);
        }
        var result = await VerifyAsync(factory, approver);

        Assert.False(result.Intact);
        Assert.Equal(approval.Id, result.BrokenEventId);
        Assert.Equal(AuditActions.ChangeSetApproved, result.BrokenAction);
        Assert.StartsWith($"Event #{approval.Id} (changeset.approved) differs from what was sealed", result.Message, StringComparison.Ordinal);
        Assert.Equal($"changeset/{approvedId}", approval.Subject);
    }

    [Fact]
    public async Task Verify_WholeChainRehashedAsUnkeyed_IsCaughtByTheCheckpoint()
    {
        await using var factory = new PortalFactory();
        var (approver, _) = await ApproveWithCommentAsync(factory, "looks right");
        await WriteCheckpointAsync(factory);

        await using (var attacker = new AuditTampering(factory.DatabaseFile))
        {
            await attacker.ExecuteAsync("UPDATE AuditEvents SET DetailsJson = '{}' WHERE Action = 'changeset.approved'");
            await attacker.RehashFromAsync(1, dropKeyIds: true);
        }
        var result = await VerifyAsync(factory, approver);

        Assert.False(result.Intact);
        Assert.Equal(1, result.BrokenEventId);
        Assert.Contains("differs from what was sealed: it carries no seal key", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NewestEventsDeletedAndIdCounterReset_ReportsThemAgainstTheCheckpoint()
    {
        await using var factory = new PortalFactory();
        var (approver, _) = await ApproveWithCommentAsync(factory, "fine");
        await AddEventsAsync(factory, 10);
        var checkpoint = await WriteCheckpointAsync(factory);

        await using (var attacker = new AuditTampering(factory.DatabaseFile))
        {
            Assert.Equal(10, await attacker.ExecuteAsync("DELETE FROM AuditEvents WHERE Id > $id", ("$id", checkpoint.LastId - 10)));
            await attacker.ExecuteAsync("UPDATE sqlite_sequence SET seq = $id WHERE name = 'AuditEvents'", ("$id", checkpoint.LastId - 10));
        }
        var result = await VerifyAsync(factory, approver);

        Assert.False(result.Intact);
        Assert.Equal(checkpoint.LastId - 9, result.BrokenEventId);
        Assert.Null(result.BrokenAction);
        Assert.StartsWith($"The newest 10 events were deleted after the checkpoint of {checkpoint.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: it recorded {checkpoint.Count} events up to #{checkpoint.LastId}",
            result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NewestEventsDeletedBeforeAnyCheckpoint_ReportsThemFromTheIdCounter()
    {
        await using var factory = new PortalFactory();
        var (approver, _) = await ApproveWithCommentAsync(factory, "fine");
        var last = await AddEventsAsync(factory, 4);

        await using (var attacker = new AuditTampering(factory.DatabaseFile))
        {
            Assert.Equal(4, await attacker.ExecuteAsync("DELETE FROM AuditEvents WHERE Id > $id", ("$id", last - 4)));
        }
        var result = await VerifyAsync(factory, approver);

        Assert.False(result.Intact);
        Assert.Equal(last - 3, result.BrokenEventId);
        Assert.StartsWith($"The newest 4 events were deleted: the database handed out ids up to #{last}", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_AfterNewestDeleted_NeverReusesAnIdAndVerifyNamesTheGap()
    {
        await using var factory = new PortalFactory();
        var (approver, _) = await ApproveWithCommentAsync(factory, "fine");
        var last = await AddEventsAsync(factory, 3);
        await using (var attacker = new AuditTampering(factory.DatabaseFile))
        {
            Assert.Equal(2, await attacker.ExecuteAsync("DELETE FROM AuditEvents WHERE Id > $id", ("$id", last - 2)));
            Assert.Contains("AUTOINCREMENT", await SchemaAsync(factory), StringComparison.Ordinal);
        }

        var next = await AddEventsAsync(factory, 1);
        var result = await VerifyAsync(factory, approver);

        Assert.Equal(last + 1, next);
        Assert.False(result.Intact);
        Assert.Equal(last - 1, result.BrokenEventId);
        Assert.StartsWith($"Events #{last - 1} to #{last} are missing: event #{next} (test.event) follows event #{last - 2}", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UntouchedChainWithCheckpoint_IsIntactAndSaysWhatItCheckedAgainst()
    {
        await using var factory = new PortalFactory();
        var (approver, _) = await ApproveWithCommentAsync(factory, "fine");
        var checkpoint = await WriteCheckpointAsync(factory);

        var result = await VerifyAsync(factory, approver);

        Assert.True(result.Intact, result.Message);
        Assert.Equal($"Checked against the checkpoint of {checkpoint.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({checkpoint.Count} events up to #{checkpoint.LastId}).", Assert.Single(result.Notes));
    }

    [Fact]
    public async Task Verify_CheckpointLineAltered_ReportsItsBadSignature()
    {
        await using var factory = new PortalFactory();
        var (approver, _) = await ApproveWithCommentAsync(factory, "fine");
        var checkpoint = await WriteCheckpointAsync(factory);
        var file = Path.Combine(factory.DataDirectory, AuditCheckpoints.FileName);
        var line = Assert.Single(await File.ReadAllLinesAsync(file));
        await File.WriteAllTextAsync(file, line.Replace($"\"count\":{checkpoint.Count}", $"\"count\":{checkpoint.Count - 1}", StringComparison.Ordinal) + "\n");

        var result = await VerifyAsync(factory, approver);

        Assert.False(result.Intact);
        Assert.Equal($"The checkpoint in {file}, line 1, cannot be trusted: its signature does not match: it was altered after it was written. The chain itself is intact ({result.Checked} events).", result.Message);
    }

    /// <summary>One change set approved with a comment; returns the approver and the change set's id.</summary>
    internal static async Task<(ClaimsPrincipal Approver, long ChangeSetId)> ApproveWithCommentAsync(PortalFactory factory, string comment)
    {
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var changeSet = await factory.ChangeSetOfAsync(author);
        await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, changeSet.Id, changeSet.Version, comment)));
        return (approver, changeSet.Id);
    }

    /// <summary>Appends events through the portal's audit log; returns the id of the last.</summary>
    internal static Task<long> AddEventsAsync(PortalFactory factory, int count) => factory.WithServicesAsync(async s =>
    {
        await using var db = await s.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.PortalDbContext>>().CreateDbContextAsync();
        var added = Enumerable.Range(1, count).Select(i => s.GetRequiredService<AuditLog>().Add(db, "test", "test.event", null, $"item/{i}")).ToList();
        await db.SaveChangesAsync();
        return added[^1].Id;
    });

    internal static Task<AuditCheckpoint> WriteCheckpointAsync(PortalFactory factory) =>
        factory.WithServicesAsync(async s => (await s.GetRequiredService<AuditCheckpoints>().WriteAsync(onlyIfGrown: false, CancellationToken.None))!);

    internal static Task<AuditVerification> VerifyAsync(PortalFactory factory, ClaimsPrincipal user) =>
        factory.WithServicesAsync(s => s.GetRequiredService<IAuditHistory>().VerifyAsync(user));

    private static async Task<AuditEntry> OneEventAsync(PortalFactory factory, string action) =>
        Assert.Single((await factory.WithServicesAsync(s => s.GetRequiredService<IAuditHistory>().QueryAsync(new AuditQuery(Action: action), 0, 10))).Events);

    private static async Task<string> SchemaAsync(PortalFactory factory)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={factory.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'AuditEvents'";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
