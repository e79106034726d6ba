using System.CommandLine;

namespace EdgePortal.Portal.Cli.Rules;

// Placeholder until the verb is implemented; it fails loudly rather than pretending.
public static class PlanInvalidationCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("plan-invalidation", "Not implemented yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("rules plan-invalidation: not implemented yet");
            return ExitCodes.Failed;
        });
        return command;
    }
}
