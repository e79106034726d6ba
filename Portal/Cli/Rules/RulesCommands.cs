using System.CommandLine;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary><c>rules …</c>: work on rules documents (JSON files) without a database.</summary>
public static class RulesCommands
{
    public static Command Create(CliConsole console) => new("rules", "Validate, evaluate, diff and plan invalidations for rules documents.")
    {
        ValidateCommand.Create(console),
        EvalCommand.Create(console),
        DiffCommand.Create(console),
        PlanInvalidationCommand.Create(console),
    };
}
