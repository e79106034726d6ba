using System.CommandLine;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Cli.Users;

namespace EdgePortal.Portal.Cli.Tokens;

/// <summary><c>tokens create --email E --name N [--expires DAYS]</c>: an API token for an account, printed alone on the last line.</summary>
public static class TokensCommands
{
    public static Command Create(CliConsole console) => new("tokens", "Create API tokens for the REST API (/api/v1).")
    {
        CreateToken(console),
    };

    private static Command CreateToken(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "The account the token acts as, with its role.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for (\"CI pipeline\").", Required = true };
        var expires = new Option<int?>("--expires") { Description = $"Days until it expires (1 to {ApiTokens.MaxExpiryDays}); never when left out." };
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("create", "Create an API token; the token is shown only now, alone on the last line.") { email, name, expires, dataDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await PortalCliHost.StartAsync(parse.GetValue(dataDirectory), cancellationToken);
            var tokens = host.Services.GetRequiredService<ApiTokens>();
            var created = await tokens.CreateForEmailAsync(parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(expires), cancellationToken);
            if (created.Error is not null)
            {
                console.Error.WriteLine($"tokens create: --{created.Field}: {created.Error}");
                return ExitCodes.BadInput;
            }
            var view = created.View!;
            console.Out.WriteLine($"Created token {view.Prefix}… \"{view.Name}\" for {parse.GetValue(email)!.Trim()}, {(view.ExpiresAt is { } at ? $"expiring {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "not expiring")}. It is shown only now:");
            console.Out.WriteLine(created.Token);
            return ExitCodes.Ok;
        });
        return command;
    }
}
