using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Merge;

/// <summary>
/// A document as the merge's units, each under its conflict key: <c>schema</c>, <c>geo/mode</c>,
/// <c>blockedResponse/body</c>, <c>redirects/ca</c> (the second rule with an id: <c>redirects/ca#2</c>),
/// and each section's key order. Written from the contract, not from the merge's code.
/// </summary>
internal sealed class MergeSnapshot
{
    public MergeSnapshot(RulesDocument document)
    {
        Values["schema"] = document.Schema;
        var geo = document.Geo ?? new GeoSettings();
        Values["geo/mode"] = geo.Mode;
        Values["geo/countries"] = geo.Countries;
        Values["geo/unknownCountry"] = geo.UnknownCountry;
        Values["geo/enforce"] = geo.Enforce;
        var blocked = document.BlockedResponse ?? new BlockedResponse();
        Values["blockedResponse/status"] = blocked.Status;
        Values["blockedResponse/contentType"] = blocked.ContentType;
        Values["blockedResponse/body"] = blocked.Body;
        Values["blockedResponse/cacheSeconds"] = blocked.CacheSeconds;
        foreach (var section in RuleSections.All)
        {
            var keys = new List<string>();
            var seen = new Dictionary<string, int>();
            foreach (var rule in document.Rules(section))
            {
                var n = seen[rule.Id] = seen.GetValueOrDefault(rule.Id) + 1;
                var key = n == 1 ? rule.Id : $"{rule.Id}#{n}";
                keys.Add(key);
                Values[$"{section.JsonName()}/{key}"] = rule;
            }
            Order[section] = keys;
        }
    }

    /// <summary>Every unit's value; a rule the document does not hold is absent (reads as null).</summary>
    public Dictionary<string, object?> Values { get; } = [];

    public Dictionary<RuleSection, List<string>> Order { get; } = [];

    public object? this[string key] => Values.GetValueOrDefault(key);

    public static IEnumerable<string> Keys(params MergeSnapshot[] snapshots) => snapshots.SelectMany(s => s.Values.Keys).Distinct();

    /// <summary>The section's keys that all of <paramref name="snapshots"/> hold, in <paramref name="of"/>'s order.</summary>
    public static List<string> CommonOrder(RuleSection section, MergeSnapshot of, params MergeSnapshot[] snapshots) =>
        [.. of.Order[section].Where(k => snapshots.All(s => s.Order[section].Contains(k)))];
}
