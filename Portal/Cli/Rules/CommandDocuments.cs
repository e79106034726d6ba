using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary>
/// Reads the document files that <c>rules eval</c>, <c>rules diff</c> and <c>rules plan-invalidation</c> take.
/// A file that cannot be read or is not a valid document is bad input: every problem goes to standard error.
/// </summary>
internal static class CommandDocuments
{
    public static RulesDocument? TryLoad(string path, string role, string verb, CliConsole console)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"rules {verb}: cannot read {role} {path}: {Reason(e)}");
            return null;
        }
        var result = RulesDocumentJson.Parse(json);
        if (result.IsValid && result.Document is not null)
        {
            return result.Document;
        }
        console.Error.WriteLine($"rules {verb}: {role} {path} is not a valid rules document:");
        foreach (var problem in result.Problems)
        {
            console.Error.WriteLine($"  {(problem.Pointer.Length == 0 ? "(document)" : problem.Pointer)}: {problem.Message}");
        }
        return null;
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
