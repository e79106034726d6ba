using System.CommandLine;

namespace EdgePortal.Portal.Cli.Rules;

// Placeholder until the verb is implemented; it fails loudly rather than pretending.
public static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("eval", "Not implemented yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("rules eval: not implemented yet");
            return ExitCodes.Failed;
        });
        return command;
    }
}
