namespace EdgePortal.Edge.Drift;

/// <summary>
/// One drift check of one target: each difference between the distribution and what the portal published, as a
/// sentence; or, when the distribution could not be read, why (then nothing is known about drift).
/// </summary>
public sealed record DriftResult(IReadOnlyList<string> Differences, string? Failure = null)
{
    public bool HasDrift => Differences.Count > 0;

    public static DriftResult Failed(string failure) => new([], failure);
}
