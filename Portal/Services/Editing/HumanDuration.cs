namespace EdgePortal.Portal.Services.Editing;

/// <summary>Seconds as people say them: 86400 is "1 day", 5400 is "1 hour 30 minutes".</summary>
public static class HumanDuration
{
    private static readonly (int Seconds, string Unit)[] Units =
    [
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
        (1, "second"),
    ];

    public static string Format(int seconds)
    {
        if (seconds <= 0)
        {
            return "0 seconds";
        }
        if (seconds == 31_536_000)
        {
            return "1 year";
        }
        var parts = new List<string>();
        var rest = seconds;
        foreach (var (size, unit) in Units)
        {
            var count = rest / size;
            rest %= size;
            if (count > 0)
            {
                parts.Add(count == 1 ? $"1 {unit}" : $"{count} {unit}s");
            }
        }
        return string.Join(" ", parts);
    }

    /// <summary>The same, or null for an absent value.</summary>
    public static string? Format(int? seconds) => seconds is { } s ? Format(s) : null;
}
