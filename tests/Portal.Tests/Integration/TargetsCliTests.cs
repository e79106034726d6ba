using EdgePortal.Portal.Cli;
using Microsoft.Data.Sqlite;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class TargetsCliTests : IDisposable
{
    private readonly string _dataDirectory = PortalFactory.NewDataDirectory();

    [Fact]
    public async Task TargetsCheck_LocalTargetOnAFreshMachine_Exits0WithOneLinePerCheck()
    {
        var (code, output, error) = await UsersCliTests.RunAsync("targets", "check", "local", "--data-directory", _dataDirectory);

        Assert.Equal((ExitCodes.Ok, ""), (code, error));
        var lines = output.Trim().Split('\n');
        Assert.All(lines, line => Assert.StartsWith("ok ", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("Role edge-rules-execution trusts lambda.amazonaws.com and edgelambda.amazonaws.com.", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("Distribution ELOCALEXAMPLE1 has the cache behaviour '*'.", StringComparison.Ordinal));
        Assert.True(lines.Length >= 15, $"expected a line per check, got:\n{output}");
    }

    [Fact]
    public async Task TargetsCheck_UnknownTarget_Exits2NamingIt()
    {
        var (code, output, error) = await UsersCliTests.RunAsync("targets", "check", "nope", "--data-directory", _dataDirectory);

        Assert.Equal((ExitCodes.BadInput, "", "There is no target 'nope'."), (code, output, error.Trim()));
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
