using System.CommandLine;
using EdgePortal.Portal.Accounts;

namespace EdgePortal.Portal.Cli.Users;

/// <summary><c>users add --email E --role R [--password P]</c>.</summary>
public static class AddUserCommand
{
    public static Command Create(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "The account's email, also its sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", PortalRoles.All)}.", Required = true };
        var password = new Option<string?>("--password") { Description = "The password; when absent one is generated, printed once, and must be changed at first sign-in." };
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("add", "Add a portal account with a role.") { email, role, password, dataDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await PortalCliHost.StartAsync(parse.GetValue(dataDirectory), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var result = await accounts.AddAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(password), actor: "cli", cancellationToken);
            if (result.Error is not null)
            {
                console.Error.WriteLine($"users add: --{result.Field}: {result.Error}");
                return ExitCodes.BadInput;
            }
            console.Out.WriteLine($"Added {result.User!.Email} as {result.User.Roles[0]}.");
            if (result.GeneratedPassword is { } generated)
            {
                console.Out.WriteLine($"One-time password (shown only now; it must be changed at first sign-in): {generated}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
