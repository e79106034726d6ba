using System.Net;
using EdgePortal.Portal.Cli;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.Data.Sqlite;

namespace EdgePortal.Portal.Tests.Api;

public sealed class TokensCliTests : IDisposable
{
    private readonly string _dataDirectory = PortalFactory.NewDataDirectory();

    [Fact]
    public async Task TokensCreate_PrintsTheTokenAloneOnTheLastLine_AndTheApiAcceptsIt()
    {
        await UsersCliTests.RunAsync("users", "add", "--email", "ci@example.com", "--role", "Viewer", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);

        var (code, output, error) = await UsersCliTests.RunAsync("tokens", "create", "--email", "ci@example.com", "--name", "CI pipeline", "--expires", "30", "--data-directory", _dataDirectory);

        Assert.Equal((ExitCodes.Ok, ""), (code, error));
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^Created token ept_\S{8}… ""CI pipeline"" for ci@example.com, expiring \d{4}-\d\d-\d\d \d\d:\d\d UTC\. It is shown only now:$", lines[0]);
        Assert.Matches("^ept_[A-Za-z0-9_-]{43}$", lines[^1]);
        await using var portal = new PortalFactory { DataDirectory = _dataDirectory };
        var response = await portal.WithToken(lines[^1]).GetAsync("/api/v1/targets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("nobody@example.com", "CI", "30", "--email")]
    [InlineData("ci2@example.com", "", "30", "--name")]
    [InlineData("ci2@example.com", "CI", "0", "--expires")]
    public async Task TokensCreate_BadInput_Exits2NamingTheOption(string email, string name, string days, string option)
    {
        await UsersCliTests.RunAsync("users", "add", "--email", "ci2@example.com", "--role", "Viewer", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);

        var (code, output, error) = await UsersCliTests.RunAsync("tokens", "create", "--email", email, "--name", name, "--expires", days, "--data-directory", _dataDirectory);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.StartsWith($"tokens create: {option}: ", error, StringComparison.Ordinal);
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
