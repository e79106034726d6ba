using System.CommandLine;
using EdgePortal.Edge.Build;
using EdgePortal.Portal.Cli.Rules;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Cli.Handler;

/// <summary>
/// <c>handler build FILE --out ZIP [--revision ID]</c>: validates the document and builds the Lambda@Edge
/// package. Invalid document: exit 2 with every problem. Too large for origin triggers: exit 1, nothing written.
/// </summary>
public static class BuildCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The rules document (JSON, edgeportal.rules/v1) to build." };
        var output = new Option<string>("--out") { Description = "Where to write the zip.", Required = true };
        var revision = new Option<string?>("--revision")
        {
            Description = "The revision id baked in (sent as x-edgeportal-revision); default: the first 12 hex digits of the document hash.",
        };
        var command = new Command("build", "Validate a rules document and build the Lambda@Edge handler zip from it.") { file, output, revision };
        command.SetAction(parse => Run(parse.GetValue(file) ?? "", parse.GetValue(output) ?? "", parse.GetValue(revision), console));
        return command;
    }

    private static int Run(string path, string output, string? revision, CliConsole console)
    {
        if (!DocumentFile.TryLoad(path, console, out var document))
        {
            return ExitCodes.BadInput;
        }
        var sha = RulesDocumentJson.Sha256(document);
        revision ??= sha[..12];
        HandlerBuild build;
        try
        {
            build = HandlerBuilder.Build(document, revision, sha);
        }
        catch (ArgumentException error) when (error.ParamName == "revisionId")
        {
            console.Error.WriteLine($"handler build: --revision must be 1 to 128 printable ASCII characters without spaces, got \"{revision}\"");
            return ExitCodes.BadInput;
        }
        catch (HandlerTooLargeException error)
        {
            console.Error.WriteLine($"handler build: {error.Message} Nothing was written.");
            return ExitCodes.Failed;
        }
        if (!TryWrite(output, build.Zip, console))
        {
            return ExitCodes.BadInput;
        }
        console.Out.WriteLine($"built {output}: revision {build.RevisionId}, document sha256 {sha}");
        console.Out.WriteLine($"rules: {PackageText.Rules(Enum.GetValues<RuleSection>().ToDictionary(s => s, s => document.Rules(s).Count))}");
        PackageText.WriteSizeAndHashes(console.Out, build.CompressedBytes, build.UncompressedBytes, build.Sha256, build.CodeSha256);
        return ExitCodes.Ok;
    }

    // Written beside the target and moved into place, so a failed write never leaves half a zip.
    private static bool TryWrite(string output, byte[] zip, CliConsole console)
    {
        var full = Path.GetFullPath(output);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            console.Error.WriteLine($"handler build: cannot write {output}: the folder {folder} does not exist");
            return false;
        }
        if (Directory.Exists(full))
        {
            console.Error.WriteLine($"handler build: cannot write {output}: it is a directory");
            return false;
        }
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, zip);
            File.Move(temporary, full, overwrite: true);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            console.Error.WriteLine($"handler build: cannot write {output}: {error.Message}");
            return false;
        }
    }
}
