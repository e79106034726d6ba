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

    [Fact]
    public async Task TargetsAdd_AwsTarget_Exits0AndListAndShowReportIt()
    {
        var (code, output, error) = await UsersCliTests.RunAsync("targets", "add", "--id", "prod", "--name", "Production", "--function", "edge-rules",
            "--distribution", "EDFDVBD6EXAMPLE", "--behaviour", "/video/*", "--behaviour", "/api/*", "--role-arn", "arn:aws:iam::123456789012:role/publisher",
            "--approvals", "2", "--requires", "local", "--data-directory", _dataDirectory);

        Assert.Equal((ExitCodes.Ok, "", "Added target prod with an empty revision #1; check it with: targets check prod"), (code, error, output.Trim()));
        var list = await UsersCliTests.RunAsync("targets", "list", "--data-directory", _dataDirectory);
        Assert.Contains(list.Out.Split('\n'), line => line.StartsWith("prod ", StringComparison.Ordinal) && line.Contains("EDFDVBD6EXAMPLE", StringComparison.Ordinal) && line.EndsWith("Production", StringComparison.Ordinal));
        var show = await UsersCliTests.RunAsync("targets", "show", "prod", "--data-directory", _dataDirectory);
        Assert.Equal(ExitCodes.Ok, show.Code);
        Assert.Contains("cache behaviours:    /video/*, /api/*", show.Out, StringComparison.Ordinal);
        Assert.Contains("credentials:         assume arn:aws:iam::123456789012:role/publisher", show.Out, StringComparison.Ordinal);
        Assert.Contains("approvals required:  2", show.Out, StringComparison.Ordinal);
        Assert.Contains("live first on:       local", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetsAdd_BadFunctionAndDistribution_Exits2NamingEachOptionAndStoresNothing()
    {
        var (code, output, error) = await UsersCliTests.RunAsync("targets", "add", "--id", "prod", "--name", "Production",
            "--function", "arn:aws:lambda:eu-west-1:123456789012:function:edge-rules", "--distribution", "nope", "--data-directory", _dataDirectory);

        Assert.Equal((ExitCodes.BadInput, ""), (code, output));
        Assert.Equal(
            [
                "targets add: --function: FunctionName: Lambda@Edge functions must be in us-east-1; 'arn:aws:lambda:eu-west-1:123456789012:function:edge-rules' is in eu-west-1.",
                "targets add: --distribution: DistributionId: 'nope' is not a distribution id; CloudFront's are E followed by 13 upper-case letters and digits (e.g. E2QWRUHAPOMQZL).",
            ],
            error.Trim().Split('\n'));
        var show = await UsersCliTests.RunAsync("targets", "show", "prod", "--data-directory", _dataDirectory);
        Assert.Equal((ExitCodes.BadInput, "There is no target 'prod'."), (show.Code, show.Error.Trim()));
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
