using System.CommandLine;
using EdgePortal.Rules.Diff;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary><c>rules diff OLD NEW [--json]</c>: what changes from one document to the next, in sentences a reviewer reads.</summary>
public static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var old = new Argument<string>("OLD") { Description = "The document as it is (JSON)." };
        var @new = new Argument<string>("NEW") { Description = "The document as it would be (JSON)." };
        var json = new Option<bool>("--json") { Description = "Print the changes as JSON." };
        var command = new Command("diff", "Compare two rules documents: changes per section, one sentence each, and warnings about the new one.")
        {
            old, @new, json,
        };
        command.SetAction(parse =>
        {
            // Both files are read first so that problems in either are reported together.
            var oldLoaded = DocumentFile.TryLoad(parse.GetValue(old)!, console, out var before);
            var newLoaded = DocumentFile.TryLoad(parse.GetValue(@new)!, console, out var after);
            if (!oldLoaded || !newLoaded || before is null || after is null)
            {
                return ExitCodes.BadInput;
            }
            var changes = DocumentDiff.Compare(before, after);
            var warnings = DocumentLinter.Lint(after);
            console.Out.Write(parse.GetValue(json) ? DiffOutput.Json(changes, warnings) : DiffOutput.Text(changes, warnings));
            return ExitCodes.Ok;
        });
        return command;
    }
}
