using System.CommandLine;

namespace EdgePortal.Portal.Cli.Rules;

// Placeholder until the verb is implemented; it fails loudly rather than pretending.
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("validate", "Not implemented yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("rules validate: not implemented yet");
            return ExitCodes.Failed;
        });
        return command;
    }
}
