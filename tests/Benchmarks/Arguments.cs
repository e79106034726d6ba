using System.Globalization;

namespace EdgePortal.Benchmarks;

/// <summary>The few "--name value" options the benchmark verbs take.</summary>
internal static class Arguments
{
    public static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static double Number(string[] args, string name, double fallback) =>
        Value(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
