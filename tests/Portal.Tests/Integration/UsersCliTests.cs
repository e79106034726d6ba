using EdgePortal.Portal.Cli;
using Microsoft.Data.Sqlite;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class UsersCliTests : IDisposable
{
    private readonly string _dataDirectory = PortalFactory.NewDataDirectory();

    [Fact]
    public async Task UsersAdd_WithPassword_ListShowsTheAccount()
    {
        var (addCode, addOut, _) = await RunAsync("users", "add", "--email", "ann@example.com", "--role", "editor", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);
        var (listCode, listOut, _) = await RunAsync("users", "list", "--data-directory", _dataDirectory);

        Assert.Equal(ExitCodes.Ok, addCode);
        Assert.Equal("Added ann@example.com as Editor.", addOut.Trim());
        Assert.Equal(ExitCodes.Ok, listCode);
        var lines = listOut.Trim().Split('\n');
        Assert.StartsWith("EMAIL", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^ann@example\.com\s+Editor\s+\d{4}-\d\d-\d\d \d\d:\d\d$", lines[1]);
    }

    [Fact]
    public async Task UsersAdd_WithoutPassword_PrintsAOneTimePassword()
    {
        var (code, output, _) = await RunAsync("users", "add", "--email", "bob@example.com", "--role", "Viewer", "--data-directory", _dataDirectory);
        var (_, list, _) = await RunAsync("users", "list", "--data-directory", _dataDirectory);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"One-time password \(shown only now; it must be changed at first sign-in\): \S{20}", output);
        Assert.Contains("bob@example.com", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersSetRoleAndDisable_Offline_ChangeTheAccountAndRefuseTheLastAdmin()
    {
        await RunAsync("users", "add", "--email", "admin-cli@example.com", "--role", "Admin", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);
        await RunAsync("users", "add", "--email", "eve@example.com", "--role", "Viewer", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);

        var (roleCode, roleOut, _) = await RunAsync("users", "set-role", "--email", "eve@example.com", "--role", "approver", "--data-directory", _dataDirectory);
        var (disableCode, disableOut, _) = await RunAsync("users", "disable", "--email", "eve@example.com", "--data-directory", _dataDirectory);
        var (lastCode, _, lastError) = await RunAsync("users", "disable", "--email", "admin-cli@example.com", "--data-directory", _dataDirectory);

        Assert.Equal((ExitCodes.Ok, "eve@example.com: Approver, enabled."), (roleCode, roleOut.Trim()));
        Assert.Equal((ExitCodes.Ok, "eve@example.com: Approver, disabled."), (disableCode, disableOut.Trim()));
        Assert.Equal(ExitCodes.BadInput, lastCode);
        Assert.Equal("users disable: --email: admin-cli@example.com is the last Admin; make another account Admin first.", lastError.Trim());
    }

    [Theory]
    [InlineData("not-an-email", "Viewer", "Str0ng-Password!", "--email")]
    [InlineData("c@example.com", "Superuser", "Str0ng-Password!", "--role")]
    [InlineData("d@example.com", "Viewer", "short", "--password")]
    public async Task UsersAdd_BadInput_Exits2NamingTheOption(string email, string role, string password, string option)
    {
        var (code, output, error) = await RunAsync("users", "add", "--email", email, "--role", role, "--password", password, "--data-directory", _dataDirectory);
        var (_, list, _) = await RunAsync("users", "list", "--data-directory", _dataDirectory);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.StartsWith($"users add: {option}: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(email, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_DuplicateEmail_Exits2()
    {
        await RunAsync("users", "add", "--email", "e@example.com", "--role", "Viewer", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);

        var (code, _, error) = await RunAsync("users", "add", "--email", "e@example.com", "--role", "Admin", "--password", "Str0ng-Password!", "--data-directory", _dataDirectory);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_MissingRole_Exits2()
    {
        var (code, _, error) = await RunAsync("users", "add", "--email", "f@example.com", "--data-directory", _dataDirectory);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--role", error, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliConsole(output, error));
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
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
