using System.CommandLine;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary>
/// <c>rules validate FILE</c>: checks a rules document. Valid: exit 0 and a one-line summary. Not valid:
/// exit 2 and one line per problem on standard output (<c>/redirects/3/location: …</c>).
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The rules document (JSON, edgeportal.rules/v1) to check." };
        var command = new Command("validate", "Check a rules document and list every problem with its JSON pointer (exit 0 when valid, 2 when not).")
        {
            file,
        };
        command.SetAction(parse => Run(parse.GetValue(file) ?? "", console));
        return command;
    }

    private static int Run(string path, CliConsole console)
    {
        var result = DocumentFile.Read(path);
        if (result.ReadError is not null)
        {
            console.Error.WriteLine($"rules validate: {result.ReadError}");
            return ExitCodes.BadInput;
        }
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
            {
                console.Out.WriteLine(problem.ToString());
            }
            console.Error.WriteLine($"rules validate: {path} is not a valid rules document ({DocumentFile.Count(result.Problems.Count, "problem")})");
            return ExitCodes.BadInput;
        }
        console.Out.WriteLine(Summary(result.Document));
        return ExitCodes.Ok;
    }

    private static string Summary(RulesDocument document) =>
        $"valid: {document.Schema}, {DocumentFile.Count(document.Access.Count, "access rule")}, " +
        $"{DocumentFile.Count(document.Redirects.Count, "redirect")}, {DocumentFile.Count(document.Origins.Count, "origin")}, " +
        $"{DocumentFile.Count(document.Cache.Count, "cache rule")} (sha256 {RulesDocumentJson.Sha256(document)})";
}
