using System.CommandLine;

namespace EdgePortal.Portal.Cli.Targets;

/// <summary><c>targets …</c>: add, list, show and check the portal's targets without starting the web server.</summary>
public static class TargetsCommands
{
    public static Command Create(CliConsole console) => new("targets", "Add, list, show and check the places revisions are published to.")
    {
        AddTargetCommand.Create(console),
        ListTargetsCommand.Create(console),
        ShowTargetCommand.Create(console),
        CheckTargetCommand.Create(console),
    };
}
