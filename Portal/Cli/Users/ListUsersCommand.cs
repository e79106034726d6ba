using System.CommandLine;
using EdgePortal.Portal.Accounts;

namespace EdgePortal.Portal.Cli.Users;

/// <summary><c>users list</c>: email, roles and creation time of every account.</summary>
public static class ListUsersCommand
{
    public static Command Create(CliConsole console)
    {
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("list", "List portal accounts.") { dataDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await PortalCliHost.StartAsync(parse.GetValue(dataDirectory), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var users = await scope.ServiceProvider.GetRequiredService<UserAccounts>().ListAsync(cancellationToken);
            if (users.Count == 0)
            {
                console.Out.WriteLine("No accounts yet. Add one with: users add --email E --role Admin");
                return ExitCodes.Ok;
            }
            var width = Math.Max("EMAIL".Length, users.Max(u => u.Email.Length));
            console.Out.WriteLine($"{"EMAIL".PadRight(width)}  {"ROLES",-16}  CREATED (UTC)");
            foreach (var user in users)
            {
                console.Out.WriteLine($"{user.Email.PadRight(width)}  {string.Join(",", user.Roles),-16}  {user.CreatedAt:yyyy-MM-dd HH:mm}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
