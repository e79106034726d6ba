namespace EdgePortal.Rules.Merge;

/// <summary>The conflicts found so far and the author's choices, shared by every part of one merge.</summary>
internal sealed class MergeRun(Func<string, MergeChoice> choose)
{
    public List<MergeConflict> Conflicts { get; } = [];

    /// <summary>
    /// The three-way rule for one value: a change on one side wins over no change, the same change on
    /// both sides is one change, and different changes are a conflict that takes the chosen side.
    /// </summary>
    public T Pick<T>(T @base, T theirs, T yours, Func<T, T, T, MergeConflict> conflict)
    {
        var same = EqualityComparer<T>.Default;
        if (same.Equals(theirs, yours) || same.Equals(yours, @base))
        {
            return theirs;
        }
        if (same.Equals(theirs, @base))
        {
            return yours;
        }
        return Choose(conflict(@base, theirs, yours)) == MergeChoice.Yours ? yours : theirs;
    }

    public MergeChoice Choose(MergeConflict conflict)
    {
        Conflicts.Add(conflict);
        return choose(conflict.Key);
    }
}
