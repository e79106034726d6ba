using Microsoft.Data.Sqlite;

namespace EdgePortal.Portal.Tests.Integration;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>Sets a process-wide environment variable, so it runs alone.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class UsersCliEnvironmentTests
{
    [Fact]
    public async Task UsersAdd_EnvironmentVariableDataDirectory_WritesThere()
    {
        var directory = PortalFactory.NewDataDirectory();
        Environment.SetEnvironmentVariable("EdgePortal__DataDirectory", directory);
        try
        {
            var (code, _, error) = await UsersCliTests.RunAsync("users", "add", "--email", "env@example.com", "--role", "Approver", "--password", "Str0ng-Password!");
            var (_, list, _) = await UsersCliTests.RunAsync("users", "list");

            Assert.True(code == 0, error);
            Assert.True(File.Exists(Path.Combine(directory, "edgeportal.db")));
            Assert.Contains("env@example.com", list, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("EdgePortal__DataDirectory", null);
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
