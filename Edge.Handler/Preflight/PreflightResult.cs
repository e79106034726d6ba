namespace EdgePortal.Edge.Preflight;

/// <summary>Passed; Failed (publishing would break the edge or be refused); NotChecked (the portal may not read what the check needs).</summary>
public enum CheckOutcome
{
    Passed,
    Failed,
    NotChecked,
}

/// <summary>One check: what it looked at, how it came out, and a sentence naming the resource (and, on failure, what to change).</summary>
public sealed record CheckResult(string Check, CheckOutcome Outcome, string Sentence)
{
    public static CheckResult Pass(string check, string sentence) => new(check, CheckOutcome.Passed, sentence);

    public static CheckResult Fail(string check, string sentence) => new(check, CheckOutcome.Failed, sentence);

    public static CheckResult NotChecked(string check, string sentence) => new(check, CheckOutcome.NotChecked, sentence);
}

/// <summary>Every check of one preflight, in the order they ran. It passes when none failed; "could not check" is not a failure.</summary>
public sealed record PreflightResult(IReadOnlyList<CheckResult> Checks)
{
    public bool Passed => Checks.All(c => c.Outcome != CheckOutcome.Failed);

    public IReadOnlyList<CheckResult> Failures => [.. Checks.Where(c => c.Outcome == CheckOutcome.Failed)];
}
