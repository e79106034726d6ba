using System.CommandLine;

namespace EdgePortal.Portal.Cli.Users;

/// <summary><c>users …</c>: manage portal accounts in the portal's database, without starting the web server.</summary>
public static class UsersCommands
{
    public static Command Create(CliConsole console) => new("users", "Add and list portal accounts.")
    {
        AddUserCommand.Create(console),
        ListUsersCommand.Create(console),
    };

    /// <summary>Shared by the verbs: overrides EdgePortal:DataDirectory for this run.</summary>
    public static Option<string?> DataDirectoryOption() => new("--data-directory")
    {
        Description = "The portal's data directory (default: EdgePortal:DataDirectory, environment EdgePortal__DataDirectory, or data/ under the current directory).",
    };
}
