using System.CommandLine;

namespace EdgePortal.Portal.Cli.Users;

/// <summary><c>users …</c>: manage portal accounts in the portal's database.</summary>
public static class UsersCommands
{
    public static Command Create(CliConsole console)
    {
        _ = console;
        return new Command("users", "Add and list portal accounts.");
    }
}
