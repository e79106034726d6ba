namespace EdgePortal.Edge.Build;

/// <summary>Numbers distinct values in order of first appearance, so repeated values are written once.</summary>
internal sealed class Interner<T>
    where T : notnull
{
    private readonly Dictionary<T, int> _indexes = [];
    private readonly List<T> _items = [];

    public IReadOnlyList<T> Items => _items;

    public int Intern(T value)
    {
        if (!_indexes.TryGetValue(value, out var index))
        {
            index = _items.Count;
            _indexes.Add(value, index);
            _items.Add(value);
        }
        return index;
    }
}
