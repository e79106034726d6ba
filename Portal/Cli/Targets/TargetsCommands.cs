using System.CommandLine;

namespace EdgePortal.Portal.Cli.Targets;

/// <summary><c>targets …</c>: look at the portal's targets without starting the web server.</summary>
public static class TargetsCommands
{
    public static Command Create(CliConsole console) => new("targets", "Check the places revisions are published to.")
    {
        CheckTargetCommand.Create(console),
    };
}
