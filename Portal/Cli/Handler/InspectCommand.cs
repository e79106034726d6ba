using System.CommandLine;
using EdgePortal.Edge.Build;

namespace EdgePortal.Portal.Cli.Handler;

/// <summary><c>handler inspect ZIP</c>: what a built package holds and which Lambda@Edge size limits it fits.</summary>
public static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var zip = new Argument<string>("zip") { Description = "A handler zip built by `handler build` or by a publish." };
        var command = new Command("inspect", "Show a handler package's revision, rule counts, sizes, hashes and the size limits it fits.") { zip };
        command.SetAction(parse => Run(parse.GetValue(zip) ?? "", console));
        return command;
    }

    private static int Run(string path, CliConsole console)
    {
        if (PackageFile.TryRead("inspect", path, console) is not { } bytes)
        {
            return ExitCodes.BadInput;
        }
        HandlerPackageInfo info;
        try
        {
            info = HandlerPackage.Read(bytes);
        }
        catch (InvalidDataException error)
        {
            console.Error.WriteLine($"handler inspect: {path}: {error.Message}");
            return ExitCodes.BadInput;
        }
        console.Out.WriteLine($"{path}: EdgePortal handler package");
        console.Out.WriteLine($"revision: {info.RevisionId}");
        console.Out.WriteLine($"document sha256: {info.DocumentSha256}");
        console.Out.WriteLine($"rules: {PackageText.Rules(info.RuleCounts)}");
        console.Out.WriteLine($"files: {string.Join(", ", info.Files)}");
        PackageText.WriteSizeAndHashes(console.Out, info.CompressedBytes, info.UncompressedBytes, info.Sha256, info.CodeSha256);
        return ExitCodes.Ok;
    }
}
