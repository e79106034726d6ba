using EdgePortal.Portal.Cli;
using Microsoft.Data.Sqlite;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class AuditCliTests : IDisposable
{
    private readonly string _dataDirectory = PortalFactory.NewDataDirectory();

    [Fact]
    public async Task AuditVerify_EventRewrittenInSqlite_Exits1NamingTheEventAndAction()
    {
        await UsersCliTests.RunAsync("users", "add", "--email", "ann@example.com", "--role", "Editor", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);
        var (intactCode, intactOut, _) = await UsersCliTests.RunAsync("audit", "verify", "--data-directory", _dataDirectory);
        long added;
        await using (var attacker = new AuditTampering(Path.Combine(_dataDirectory, "edgeportal.db")))
        {
            added = await attacker.ScalarAsync("SELECT Id FROM AuditEvents WHERE Action = 'user.added'");
            await attacker.ExecuteAsync("UPDATE AuditEvents SET DetailsJson = '{\"role\":\"Admin\"}' WHERE Id = $id", ("$id", added));
            await attacker.RehashFromAsync(added);
        }

        var (code, _, error) = await UsersCliTests.RunAsync("audit", "verify", "--data-directory", _dataDirectory);

        Assert.Equal(ExitCodes.Ok, intactCode);
        Assert.Matches(@"^\d+ events, chain intact\.\n", intactOut);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.StartsWith($"Event #{added} (user.added) differs from what was sealed", error, StringComparison.Ordinal);
        Assert.Contains($"First event that differs: #{added} (user.added)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditRotateKey_ThenMoreEvents_ChainStaysIntactWithTheRotationInIt()
    {
        await UsersCliTests.RunAsync("users", "add", "--email", "bob@example.com", "--role", "Viewer", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);

        var (code, output, _) = await UsersCliTests.RunAsync("audit", "rotate-key", "--data-directory", _dataDirectory);
        await UsersCliTests.RunAsync("users", "add", "--email", "cat@example.com", "--role", "Viewer", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);
        var (verifyCode, verifyOut, verifyError) = await UsersCliTests.RunAsync("audit", "verify", "--data-directory", _dataDirectory);
        long rotations;
        await using (var reader = new AuditTampering(Path.Combine(_dataDirectory, "edgeportal.db")))
        {
            rotations = await reader.ScalarAsync("SELECT COUNT(*) FROM AuditEvents WHERE Action = 'audit.key-rotated'");
        }

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches("^New seal key [0-9a-f]{16}; the next audit event", output);
        Assert.True(verifyCode == ExitCodes.Ok, verifyError);
        Assert.Contains("chain intact", verifyOut, StringComparison.Ordinal);
        Assert.Equal(2, rotations);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
