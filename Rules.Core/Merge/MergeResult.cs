using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Merge;

/// <summary>
/// The outcome of <see cref="ThreeWayMerge.Merge"/>: the merged document with every conflict resolved to
/// theirs, and the conflicts an author must decide. <see cref="Resolve"/> gives the document for their choices.
/// </summary>
public sealed class MergeResult
{
    private readonly RulesDocument _base;
    private readonly RulesDocument _theirs;
    private readonly RulesDocument _yours;

    internal MergeResult(RulesDocument @base, RulesDocument theirs, RulesDocument yours, RulesDocument merged, IReadOnlyList<MergeConflict> conflicts)
    {
        _base = @base;
        _theirs = theirs;
        _yours = yours;
        Merged = merged;
        Conflicts = conflicts;
    }

    /// <summary>Both sides' changes, and theirs wherever they conflict.</summary>
    public RulesDocument Merged { get; }

    /// <summary>In document order: schema, geo, blocked response, then each section's rules and its order.</summary>
    public IReadOnlyList<MergeConflict> Conflicts { get; }

    /// <summary>True when nothing needs a choice: <see cref="Merged"/> is the rebased change set.</summary>
    public bool IsClean => Conflicts.Count == 0;

    /// <summary>
    /// The merged document with each conflict named in <paramref name="choices"/> (by <see cref="MergeConflict.Key"/>)
    /// taking that side; conflicts not named stay theirs. A key that names no conflict is refused, so that a
    /// choice made against an older merge cannot silently do nothing.
    /// </summary>
    public RulesDocument Resolve(IReadOnlyDictionary<string, MergeChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var known = Conflicts.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (choices.Keys.FirstOrDefault(k => !known.Contains(k)) is { } stale)
        {
            throw new ArgumentException($"There is no conflict \"{stale}\" in this merge; merge again and choose anew.", nameof(choices));
        }
        return ThreeWayMerge.Run(_base, _theirs, _yours, key => choices.GetValueOrDefault(key, MergeChoice.Theirs)).Merged;
    }
}
