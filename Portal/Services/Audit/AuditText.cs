using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Bounds on what goes into an audit event. Much of it comes from requests (a typed e-mail, a comment, a
/// file name, a search), and one anonymous request must not be able to write megabytes into the history.
/// </summary>
public static class AuditText
{
    /// <summary>Actor and subject: the columns' length.</summary>
    public const int MaxName = 256;

    public const int MaxTargetId = 64;

    /// <summary>One string inside the details; longer than any comment the portal accepts (2,000).</summary>
    public const int MaxDetailString = 4096;

    /// <summary>All of the details as JSON.</summary>
    public const int MaxDetails = 16 * 1024;

    /// <summary>Cut to <paramref name="max"/> characters, saying how much was left out, so a reader knows it was cut.</summary>
    public static string Bound(string value, int max) =>
        value.Length <= max ? value : WithNote(value, $"… ({(value.Length - max).ToString(CultureInfo.InvariantCulture)} more characters)", max);

    /// <summary>
    /// What someone typed as an account name, made safe to record without trusting it: trimmed, lower-case,
    /// control and format characters dropped, bounded. Recorded as the actor of a failed sign-in.
    /// </summary>
    public static string Typed(string? text, int max = MaxName)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return "(empty)";
        }
        // Only what can appear in the record is looked at: a 4 MiB input costs no more than a short one.
        var clean = new StringBuilder(Math.Min(typed.Length, max));
        foreach (var c in typed[..Math.Min(typed.Length, max)].Normalize(NormalizationForm.FormKC))
        {
            if (char.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                clean.Append(char.ToLowerInvariant(c));
            }
        }
        return typed.Length <= max
            ? Bound(clean.ToString(), max)
            : WithNote(clean.ToString(), $"… ({typed.Length.ToString(CultureInfo.InvariantCulture)} characters typed)", max);
    }

    private static string WithNote(string value, string note, int max)
    {
        var keep = Math.Min(value.Length, Math.Max(0, max - note.Length));
        // Never split a surrogate pair: half a character is not valid UTF-8.
        if (keep > 0 && char.IsHighSurrogate(value[keep - 1]))
        {
            keep--;
        }
        return string.Concat(value.AsSpan(0, keep), note);
    }

    /// <summary>Details JSON with every long string cut and, when it is still too big, replaced by a note of its size.</summary>
    public static string BoundDetails(string json)
    {
        if (json.Length <= MaxDetails)
        {
            return json;
        }
        var node = JsonNode.Parse(json);
        Cut(node);
        var cut = node?.ToJsonString() ?? "{}";
        return cut.Length <= MaxDetails
            ? cut
            : new JsonObject { ["truncated"] = true, ["length"] = json.Length, ["start"] = Bound(cut, MaxDetailString) }.ToJsonString();
    }

    private static void Cut(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > MaxDetailString)
                    {
                        o[name] = Bound(s, MaxDetailString);
                    }
                    else
                    {
                        Cut(value);
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > MaxDetailString)
                    {
                        a[i] = Bound(s, MaxDetailString);
                    }
                    else
                    {
                        Cut(a[i]);
                    }
                }
                break;
        }
    }
}
