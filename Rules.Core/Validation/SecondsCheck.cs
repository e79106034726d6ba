using EdgePortal.Rules.Document.Json;

namespace EdgePortal.Rules.Validation;

/// <summary>The one range every seconds value of the document shares.</summary>
internal static class SecondsCheck
{
    public static void Check(string name, int? value, string pointer, List<Problem> problems)
    {
        if (value is { } seconds && (seconds < 0 || seconds > Limits.MaxSeconds))
        {
            problems.Add(new Problem(JsonPointer.Append(pointer, name), $"{name} must be {Limits.Seconds}, not {ValueText.Number(seconds)}"));
        }
    }
}
