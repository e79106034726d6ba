using System.Text.RegularExpressions;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Document.Json;

namespace EdgePortal.Rules.Validation;

/// <summary>What every rule is checked for: its id (unique in the section), description and path pattern.</summary>
internal static partial class RuleChecks
{
    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    /// <summary>Checks id, description and path; <paramref name="firstIdAt"/> holds the ids seen so far in the section.</summary>
    public static void Check(IRule rule, string pointer, Dictionary<string, string> firstIdAt, List<Problem> problems)
    {
        CheckId(rule.Id ?? "", pointer, firstIdAt, problems);
        if (rule.Description is { } description)
        {
            var at = JsonPointer.Append(pointer, "description");
            var length = description.EnumerateRunes().Count();
            if (TextChecks.HasLoneSurrogate(description))
            {
                problems.Add(new Problem(at, "description " + TextChecks.NotText));
            }
            else if (length > Limits.MaxDescriptionLength)
            {
                problems.Add(new Problem(at, $"description is {length} characters long; at most {Limits.MaxDescriptionLength} are allowed"));
            }
        }
        var pathProblem = PathProblem(rule.Path ?? "");
        if (pathProblem is not null)
        {
            problems.Add(new Problem(JsonPointer.Append(pointer, "path"), pathProblem));
        }
    }

    private static void CheckId(string id, string pointer, Dictionary<string, string> firstIdAt, List<Problem> problems)
    {
        var at = JsonPointer.Append(pointer, "id");
        if (id.Length == 0)
        {
            problems.Add(new Problem(at, $"id is required: {Limits.Id}"));
        }
        else if (!IdPattern().IsMatch(id))
        {
            problems.Add(new Problem(at, $"id must be {Limits.Id}, not {ValueText.Quote(id)}"));
        }
        else if (!firstIdAt.TryAdd(id, pointer))
        {
            problems.Add(new Problem(at, $"id \"{id}\" is already used by {firstIdAt[id]}; ids must be unique within their section"));
        }
    }

    /// <summary>Why a path pattern is not acceptable, or null when it is.</summary>
    internal static string? PathProblem(string path)
    {
        if (path.Length == 0)
        {
            return "path is required: a path pattern that starts with /, such as /video/*";
        }
        if (TextChecks.HasWhitespaceOrControl(path))
        {
            return "path must not contain spaces or control characters; write them percent-encoded as they appear in the URI (a space is %20)";
        }
        if (!TextChecks.IsAscii(path))
        {
            return "path must be ASCII; write other characters percent-encoded as they appear in the URI (é is %C3%A9)";
        }
        if (path[0] != '/')
        {
            return $"path must start with /, such as /video/*, not {ValueText.Quote(path)}";
        }
        if (path.Length > Limits.MaxPathLength)
        {
            return $"path is {path.Length} characters long; at most {Limits.MaxPathLength} are allowed";
        }
        if (path.Contains('#'))
        {
            return "path must not contain #: a URI fragment never reaches the edge";
        }
        return null;
    }
}
