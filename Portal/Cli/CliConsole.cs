namespace EdgePortal.Portal.Cli;

/// <summary>Where a verb writes: standard output for results, standard error for problems. Tests pass string writers.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole Standard { get; } = new(Console.Out, Console.Error);
}

/// <summary>Exit codes every verb uses.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The verb ran and the answer is "no" (for example a document with problems is not valid).</summary>
    public const int Failed = 1;
    /// <summary>Bad input: unreadable file, malformed JSON, invalid document, wrong arguments.</summary>
    public const int BadInput = 2;
}
