using System.Diagnostics.CodeAnalysis;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary>What reading a rules document file gave: a valid document, its problems, or why the file could not be read.</summary>
public sealed record DocumentFileResult(RulesDocument? Document, IReadOnlyList<Problem> Problems, string? ReadError)
{
    /// <summary>True when the file was read and the document has no problem.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    public bool IsValid => ReadError is null && Document is not null && Problems.Count == 0;
}

/// <summary>
/// Loads the rules document file a <c>rules …</c> verb was given. Every verb that takes a document
/// goes through here, so that they all accept the same files and say the same things about bad ones.
/// </summary>
public static class DocumentFile
{
    /// <summary>Reads, parses and validates the file; never throws for a bad file or bad content.</summary>
    public static DocumentFileResult Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Unreadable("no file given");
        }
        if (Directory.Exists(path))
        {
            return Unreadable($"cannot read {path}: it is a directory, not a file");
        }
        byte[] bytes;
        try
        {
            // Measured before reading, so that an oversized file is refused without being held in memory.
            if (new FileInfo(path).Length is var length and > Limits.MaxDocumentBytes)
            {
                return Unreadable($"cannot read {path}: {Limits.DocumentTooLarge(length)}");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Unreadable($"cannot read {path}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            return Unreadable($"cannot read {path}: permission denied");
        }
        catch (IOException e)
        {
            return Unreadable($"cannot read {path}: {e.Message}");
        }
        if (!RulesDocumentJson.TryDecodeUtf8(bytes, out var text))
        {
            return Unreadable($"cannot read {path}: it is not UTF-8 text");
        }
        var result = RulesDocumentJson.Parse(text);
        return new DocumentFileResult(result.Document, result.Problems, null);
    }

    /// <summary>
    /// Loads a valid document for a verb. When the file cannot be read or the document has problems,
    /// writes them to standard error (one problem a line, with its JSON pointer) and returns false;
    /// the verb should then exit with <see cref="ExitCodes.BadInput"/>.
    /// </summary>
    public static bool TryLoad(string path, CliConsole console, [MaybeNullWhen(false)] out RulesDocument document)
    {
        var result = Read(path);
        if (result.IsValid)
        {
            document = result.Document;
            return true;
        }
        if (result.ReadError is not null)
        {
            console.Error.WriteLine(result.ReadError);
        }
        else
        {
            console.Error.WriteLine($"{path} is not a valid rules document ({Count(result.Problems.Count, "problem")}):");
            foreach (var problem in result.Problems)
            {
                console.Error.WriteLine("  " + problem);
            }
        }
        document = null;
        return false;
    }

    /// <summary>"1 redirect", "2 redirects".</summary>
    internal static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static DocumentFileResult Unreadable(string message) => new(null, [], message);
}
