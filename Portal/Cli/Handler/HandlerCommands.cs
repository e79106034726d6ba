using System.CommandLine;

namespace EdgePortal.Portal.Cli.Handler;

/// <summary><c>handler …</c>: build, inspect and invoke Lambda@Edge handler packages.</summary>
public static class HandlerCommands
{
    public static Command Create(CliConsole console) => new("handler", "Build, inspect and invoke Lambda@Edge handler packages.")
    {
        BuildCommand.Create(console),
        InspectCommand.Create(console),
        InvokeCommand.Create(console),
    };
}
