namespace EdgePortal.Rules.Lint;

/// <summary>
/// A path pattern as a small automaton. A state is "how many pattern characters are consumed", always moved
/// past any run of <c>*</c> (a star may match nothing). From such a state <c>k</c> a character either matches
/// pattern character <c>k</c> (literal or <c>?</c>) or is swallowed by the star just before <c>k</c>, which
/// leaves the state as it is.
/// </summary>
internal sealed class GlobNfa(string pattern)
{
    public int Final => pattern.Length;

    public int Closure(int state)
    {
        while (state < pattern.Length && pattern[state] == '*')
        {
            state++;
        }
        return state;
    }

    /// <summary>The set holding only the start state.</summary>
    public StateSet Start() => StateSet.Of(pattern.Length + 1, Closure(0));

    /// <summary>The states after reading <paramref name="c"/> from <paramref name="state"/>: none, one or two.</summary>
    public (int? Advance, int? Stay) Next(int state, char c)
    {
        int? advance = state < pattern.Length && (pattern[state] == '?' || pattern[state] == c) ? Closure(state + 1) : null;
        int? stay = state > 0 && pattern[state - 1] == '*' ? state : null;
        return (advance, stay);
    }

    /// <summary>The subset construction's step: every state reachable from the set by reading <paramref name="c"/>.</summary>
    public StateSet Step(StateSet set, char c)
    {
        var next = new List<int>();
        foreach (var state in set.States())
        {
            var (advance, stay) = Next(state, c);
            if (advance is { } a)
            {
                next.Add(a);
            }
            if (stay is { } s)
            {
                next.Add(s);
            }
        }
        return StateSet.Of(pattern.Length + 1, [.. next]);
    }
}

/// <summary>An immutable set of automaton states with value equality, for the subset construction.</summary>
internal sealed class StateSet : IEquatable<StateSet>
{
    private readonly ulong[] _bits;
    private readonly int _hash;

    private StateSet(ulong[] bits)
    {
        _bits = bits;
        var hash = new HashCode();
        foreach (var word in bits)
        {
            hash.Add(word);
        }
        _hash = hash.ToHashCode();
    }

    public static StateSet Of(int capacity, params int[] states)
    {
        var bits = new ulong[(capacity + 63) / 64];
        foreach (var state in states)
        {
            bits[state / 64] |= 1UL << (state % 64);
        }
        return new StateSet(bits);
    }

    public bool Contains(int state) => (_bits[state / 64] & (1UL << (state % 64))) != 0;

    public IEnumerable<int> States()
    {
        for (var i = 0; i < _bits.Length * 64; i++)
        {
            if (Contains(i))
            {
                yield return i;
            }
        }
    }

    public bool Equals(StateSet? other) => other is not null && _hash == other._hash && _bits.AsSpan().SequenceEqual(other._bits);

    public override bool Equals(object? obj) => Equals(obj as StateSet);

    public override int GetHashCode() => _hash;
}
