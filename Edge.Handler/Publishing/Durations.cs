using System.Globalization;

namespace EdgePortal.Edge.Publishing;

/// <summary>Durations as an operator reads them in progress lines and on the deployment page: "4 min 10 s", "35 s", "1 h 5 min".</summary>
public static class Durations
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }
        var seconds = (long)Math.Ceiling(duration.TotalSeconds);
        var (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        var inv = CultureInfo.InvariantCulture;
        return hours > 0 ? (minutes > 0 ? string.Create(inv, $"{hours} h {minutes} min") : string.Create(inv, $"{hours} h"))
            : minutes > 0 ? (rest > 0 ? string.Create(inv, $"{minutes} min {rest} s") : string.Create(inv, $"{minutes} min"))
            : string.Create(inv, $"{rest} s");
    }
}
