using System.CommandLine;

namespace EdgePortal.Portal.Cli.Users;

/// <summary><c>users …</c>: manage portal accounts in the portal's database, without starting the web server.</summary>
public static class UsersCommands
{
    public static Command Create(CliConsole console) => new("users", "Add, list, change and disable portal accounts.")
    {
        AddUserCommand.Create(console),
        ListUsersCommand.Create(console),
        ChangeUserCommands.CreateSetRole(console),
        ChangeUserCommands.CreateDisable(console, disabled: true),
        ChangeUserCommands.CreateDisable(console, disabled: false),
    };

    /// <summary>Shared by the verbs: overrides EdgePortal:DataDirectory for this run.</summary>
    public static Option<string?> DataDirectoryOption() => new("--data-directory")
    {
        Description = "The portal's data directory (default: EdgePortal:DataDirectory, environment EdgePortal__DataDirectory, or data/ under the current directory).",
    };
}
