using System.Collections.Concurrent;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Documents;

/// <summary>
/// Parsed draft documents by change set and version, so that a one-rule edit of a large draft does
/// not read and parse its JSON again. Keyed by version, an entry can never be stale: a newer save
/// has a new version and simply misses.
/// </summary>
public sealed class DraftDocumentCache
{
    private const int Capacity = 64;
    private readonly ConcurrentDictionary<long, (Guid Version, RulesDocument Document)> _entries = new();

    public bool TryGet(long changeSetId, Guid version, out RulesDocument document)
    {
        if (_entries.TryGetValue(changeSetId, out var entry) && entry.Version == version)
        {
            document = entry.Document;
            return true;
        }
        document = RulesDocument.Empty;
        return false;
    }

    public void Set(long changeSetId, Guid version, RulesDocument document)
    {
        if (_entries.Count >= Capacity && !_entries.ContainsKey(changeSetId))
        {
            // Crude but bounded: drafts being edited right now come straight back on their next save.
            _entries.Clear();
        }
        _entries[changeSetId] = (version, document);
    }
}
