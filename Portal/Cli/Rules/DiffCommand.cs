using System.CommandLine;

namespace EdgePortal.Portal.Cli.Rules;

// Placeholder until the verb is implemented; it fails loudly rather than pretending.
public static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("diff", "Not implemented yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("rules diff: not implemented yet");
            return ExitCodes.Failed;
        });
        return command;
    }
}
