using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>
/// Edits of one rule section of a document, by position. Each returns a new document; the
/// position in a section is the rule's precedence, so moving a rule changes what wins.
/// </summary>
public static class SectionEdits
{
    public static RulesDocument WithRules(this RulesDocument document, RuleSection section, IEnumerable<IRule> rules) => section switch
    {
        RuleSection.Access => document with { Access = [.. rules.Cast<AccessRule>()] },
        RuleSection.Redirects => document with { Redirects = [.. rules.Cast<RedirectRule>()] },
        RuleSection.Origins => document with { Origins = [.. rules.Cast<OriginRule>()] },
        RuleSection.Cache => document with { Cache = [.. rules.Cast<CacheRule>()] },
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    /// <summary>One copy of the section's array, so that typing in a rule of a large catalogue stays cheap.</summary>
    public static RulesDocument ReplaceRule(this RulesDocument document, RuleSection section, int index, IRule rule) => section switch
    {
        RuleSection.Access => document with { Access = document.Access.Items.SetItem(index, (AccessRule)rule) },
        RuleSection.Redirects => document with { Redirects = document.Redirects.Items.SetItem(index, (RedirectRule)rule) },
        RuleSection.Origins => document with { Origins = document.Origins.Items.SetItem(index, (OriginRule)rule) },
        RuleSection.Cache => document with { Cache = document.Cache.Items.SetItem(index, (CacheRule)rule) },
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    public static RulesDocument InsertRule(this RulesDocument document, RuleSection section, int index, IRule rule)
    {
        var rules = SectionRules.Of(document, section).ToList();
        rules.Insert(Math.Clamp(index, 0, rules.Count), rule);
        return document.WithRules(section, rules);
    }

    public static RulesDocument RemoveRule(this RulesDocument document, RuleSection section, int index)
    {
        var rules = SectionRules.Of(document, section).ToList();
        rules.RemoveAt(index);
        return document.WithRules(section, rules);
    }

    public static RulesDocument MoveRule(this RulesDocument document, RuleSection section, int from, int to)
    {
        var rules = SectionRules.Of(document, section).ToList();
        var rule = rules[from];
        rules.RemoveAt(from);
        rules.Insert(Math.Clamp(to, 0, rules.Count), rule);
        return document.WithRules(section, rules);
    }

    /// <summary>A copy of the rule right after it, with an id not yet used in the section ("video-copy", "video-copy-2").</summary>
    public static RulesDocument DuplicateRule(this RulesDocument document, RuleSection section, int index)
    {
        var rules = SectionRules.Of(document, section);
        var copy = WithId(rules[index], UnusedId(rules, rules[index].Id + "-copy"));
        return document.InsertRule(section, index + 1, copy);
    }

    /// <summary>A new, empty-ish rule for the section with a fresh id, ready to be filled in.</summary>
    public static IRule NewRule(this RulesDocument document, RuleSection section)
    {
        var rules = SectionRules.Of(document, section);
        var id = UnusedId(rules, section switch
        {
            RuleSection.Access => "access",
            RuleSection.Redirects => "redirect",
            RuleSection.Origins => "origin",
            _ => "cache",
        } + "-" + (rules.Count + 1));
        return section switch
        {
            RuleSection.Access => new AccessRule { Id = id, Path = "/*", Mode = AccessMode.Allow },
            RuleSection.Redirects => new RedirectRule { Id = id, Path = "/*", Location = "https://", Status = 302 },
            RuleSection.Origins => new OriginRule { Id = id, Path = "/*" },
            RuleSection.Cache => new CacheRule { Id = id, Path = "/*", MaxAge = 3600 },
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        };
    }

    public static IRule WithId(IRule rule, string id) => rule switch
    {
        AccessRule r => r with { Id = id },
        RedirectRule r => r with { Id = id },
        OriginRule r => r with { Id = id },
        CacheRule r => r with { Id = id },
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private static string UnusedId(IReadOnlyList<IRule> rules, string wanted)
    {
        var used = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        // Ids are at most 64 characters; keep room for a "-NN" suffix.
        var stem = wanted.Length > 58 ? wanted[..58] : wanted;
        if (!used.Contains(stem))
        {
            return stem;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}-{n}";
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
