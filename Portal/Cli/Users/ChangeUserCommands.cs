using System.CommandLine;
using EdgePortal.Portal.Accounts;

namespace EdgePortal.Portal.Cli.Users;

/// <summary><c>users set-role --email E --role R</c>, <c>users disable --email E</c>, <c>users enable --email E</c>: an Admin's changes, offline.</summary>
public static class ChangeUserCommands
{
    public static Command CreateSetRole(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "The account's email.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", PortalRoles.All)}.", Required = true };
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("set-role", "Give an account another role (its sessions end).") { email, role, dataDirectory };
        command.SetAction((parse, cancellationToken) => RunAsync(console, "set-role", parse.GetValue(dataDirectory),
            accounts => accounts.ChangeRoleAsync(parse.GetValue(email)!, parse.GetValue(role)!, actor: "cli", cancellationToken), cancellationToken));
        return command;
    }

    public static Command CreateDisable(CliConsole console, bool disabled)
    {
        var email = new Option<string>("--email") { Description = "The account's email.", Required = true };
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var name = disabled ? "disable" : "enable";
        var command = new Command(name, disabled ? "Disable an account: it cannot sign in and its sessions end." : "Enable a disabled account.") { email, dataDirectory };
        command.SetAction((parse, cancellationToken) => RunAsync(console, name, parse.GetValue(dataDirectory),
            accounts => accounts.SetDisabledAsync(parse.GetValue(email)!, disabled, actor: "cli", cancellationToken), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string verb, string? dataDirectory, Func<UserAccounts, Task<UserAccountResult>> change, CancellationToken cancellationToken)
    {
        using var host = await PortalCliHost.StartAsync(dataDirectory, cancellationToken);
        var result = await change(host.Services.GetRequiredService<UserAccounts>());
        if (result.Error is not null)
        {
            console.Error.WriteLine($"users {verb}: --{(result.Field == "user" ? "email" : result.Field)}: {result.Error}");
            return ExitCodes.BadInput;
        }
        console.Out.WriteLine($"{result.User!.Email}: {string.Join(",", result.User.Roles)}, {(result.User.Disabled ? "disabled" : "enabled")}.");
        return ExitCodes.Ok;
    }
}
