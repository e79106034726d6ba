using System.Text;
using System.Text.RegularExpressions;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Document.Json;

namespace EdgePortal.Rules.Validation;

/// <summary>Checks the <c>blockedResponse</c> section: status, content type (a header), body size, cache time.</summary>
internal static partial class BlockedResponseChecks
{
    // type "/" subtype, then optional parameters; tokens as in RFC 9110.
    [GeneratedRegex(@"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+( *;.*)?$")]
    private static partial Regex MediaType();

    public static void Check(BlockedResponse blocked, List<Problem> problems)
    {
        const string pointer = "/blockedResponse";
        if (blocked.Status is { } status && !Limits.BlockedStatuses.Contains(status))
        {
            problems.Add(new Problem(pointer + "/status", $"status must be {Limits.BlockedStatus}, not {ValueText.Number(status)}"));
        }
        if (blocked.ContentType is { } contentType && ContentTypeProblem(contentType) is { } message)
        {
            problems.Add(new Problem(pointer + "/contentType", message));
        }
        if (blocked.Body is { } body)
        {
            if (TextChecks.HasLoneSurrogate(body))
            {
                problems.Add(new Problem(pointer + "/body", "body " + TextChecks.NotText));
            }
            else if (Encoding.UTF8.GetByteCount(body) is var bytes && bytes > BlockedResponse.MaxBodyBytes)
            {
                problems.Add(new Problem(pointer + "/body", $"body is {bytes} bytes in UTF-8; at most {BlockedResponse.MaxBodyBytes} (32 KiB) are allowed"));
            }
        }
        SecondsCheck.Check("cacheSeconds", blocked.CacheSeconds, pointer, problems);
    }

    private static string? ContentTypeProblem(string contentType)
    {
        if (contentType.Length == 0)
        {
            return $"contentType must not be empty; leave it out for {BlockedResponse.DefaultContentType}";
        }
        if (TextChecks.HasControl(contentType) || !TextChecks.IsAscii(contentType))
        {
            return "contentType must be printable ASCII without line breaks or control characters: it becomes the content-type header";
        }
        if (!MediaType().IsMatch(contentType))
        {
            return $"contentType must be a media type such as text/html; charset=utf-8, not {ValueText.Quote(contentType)}";
        }
        return null;
    }
}
