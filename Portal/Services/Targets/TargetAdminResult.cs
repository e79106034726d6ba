namespace EdgePortal.Portal.Services.Targets;

/// <summary>
/// The answer to adding, editing or retiring a target. Only a result with no <see cref="Problems"/> and no
/// <see cref="Refusal"/> changed anything; otherwise nothing was stored.
/// </summary>
/// <param name="Problems">One sentence per bad field, keyed by the field's name (<c>DistributionId</c>).</param>
public sealed record TargetAdminResult(string? TargetId, string? Refusal, IReadOnlyDictionary<string, string> Problems)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public bool IsSaved => Refusal is null && Problems.Count == 0;

    /// <summary>Every problem (or the refusal), one sentence each.</summary>
    public IEnumerable<string> Sentences => Refusal is { } refusal ? [refusal] : Problems.Values;

    public static TargetAdminResult Saved(string targetId) => new(targetId, null, None);

    public static TargetAdminResult Refused(string sentence) => new(null, sentence, None);

    public static TargetAdminResult Invalid(IReadOnlyDictionary<string, string> problems) => new(null, null, problems);
}
