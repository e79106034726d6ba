using System.Text.Json.Nodes;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Rules.Diff;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// The <c>rules</c> part of a save's audit details: every changed rule by section and id, with the whole rule
/// before and after, so a rule's history is complete. A huge import would not fit the 16 KiB an event holds, so
/// the rules are written in full while <see cref="FullBudget"/> allows, by id alone while <see cref="IdBudget"/>
/// allows, and the rest only counted (<c>"more": "and 9,980 more"</c>); the counts per section are always there.
/// </summary>
public static class AuditRuleChanges
{
    public const int FullBudget = 8 * 1024;
    public const int IdBudget = 14 * 1024;

    public static JsonObject Describe(RulesDocument before, RulesDocument after)
    {
        var diff = DocumentDiff.Compare(before, after);
        var changes = new JsonArray();
        var counts = new JsonObject();
        var size = 0;
        var left = 0;
        foreach (var section in diff.Sections)
        {
            var name = section.Section.JsonName();
            // A rule that changed and moved is one changed rule with two kinds.
            var byRule = section.Changes.GroupBy(c => c.RuleId, StringComparer.Ordinal).ToList();
            counts[name] = byRule.Count;
            foreach (var rule in byRule)
            {
                var entry = new JsonObject
                {
                    ["section"] = name,
                    ["id"] = rule.Key,
                    ["change"] = string.Join("+", rule.Select(c => c.Kind.ToString().ToLowerInvariant())),
                };
                var idSize = entry.ToJsonString().Length + 1;
                if (size + idSize > IdBudget)
                {
                    left++;
                    continue;
                }
                var full = WithRules(entry, section.Section, rule.ToList(), before, after);
                var fullSize = full.ToJsonString().Length + 1;
                if (size + fullSize <= FullBudget)
                {
                    changes.Add(full);
                    size += fullSize;
                }
                else
                {
                    changes.Add(entry);
                    size += idSize;
                }
            }
        }
        var result = new JsonObject { ["counts"] = counts, ["changes"] = changes };
        if (left > 0)
        {
            result["more"] = $"and {left:N0} more";
        }
        return result;
    }

    private static JsonObject WithRules(JsonObject entry, RuleSection section, List<RuleChange> kinds, RulesDocument before, RulesDocument after)
    {
        var full = (JsonObject)entry.DeepClone();
        var fields = kinds.SelectMany(c => c.Fields).Select(f => f.Field).ToArray();
        if (fields.Length > 0)
        {
            full["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]);
        }
        if (kinds[0].OldIndex is { } oldIndex)
        {
            full["before"] = RuleJson(section, before.Rules(section)[oldIndex]);
        }
        if (kinds[0].NewIndex is { } newIndex)
        {
            full["after"] = RuleJson(section, after.Rules(section)[newIndex]);
        }
        return full;
    }

    // The rule as the canonical document writes it, so before and after read like the exported file.
    private static JsonNode? RuleJson(RuleSection section, IRule rule) =>
        JsonNode.Parse(DocumentCodec.Write(RulesDocument.Empty.AddRule(section, rule)))?[section.JsonName()]?[0]?.DeepClone();

    /// <summary>Section and id of every rule that <paramref name="details"/> names under <c>rules.changes</c>.</summary>
    public static IEnumerable<(string Section, string RuleId)> Named(JsonNode? details)
    {
        // Older events carry "rules" as a count; only this shape names rules.
        if (details is not JsonObject { } root || root["rules"] is not JsonObject rules || rules["changes"] is not JsonArray changes)
        {
            yield break;
        }
        foreach (var change in changes.OfType<JsonObject>())
        {
            if (Text(change["section"]) is { } section && Text(change["id"]) is { } id)
            {
                yield return (section, id);
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
