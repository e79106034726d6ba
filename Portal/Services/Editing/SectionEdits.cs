using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>
/// What the editor adds to the section API of <see cref="DocumentSections"/>: a copy of a rule and a new
/// rule, each with an id not yet used in the section. Positions follow that API's rule: a position outside
/// the section throws, so the editor passes only positions it shows.
/// </summary>
public static class SectionEdits
{
    /// <summary>A copy of the rule right after it, with an id not yet used in the section ("video-copy", "video-copy-2").</summary>
    public static RulesDocument DuplicateRule(this RulesDocument document, RuleSection section, int index)
    {
        var rules = document.Rules(section);
        var original = rules[index];
        return document.InsertRule(section, index + 1, WithId(original, UnusedId(rules, original.Id + "-copy")));
    }

    /// <summary>A new, empty-ish rule for the section with a fresh id, ready to be filled in.</summary>
    public static IRule NewRule(this RulesDocument document, RuleSection section)
    {
        var rules = document.Rules(section);
        IRule blank = section switch
        {
            RuleSection.Access => new AccessRule { Id = "access", Path = "/*", Mode = AccessMode.Allow },
            RuleSection.Redirects => new RedirectRule { Id = "redirect", Path = "/*", Location = "https://", Status = 302 },
            RuleSection.Origins => new OriginRule { Id = "origin", Path = "/*" },
            RuleSection.Cache => new CacheRule { Id = "cache", Path = "/*", MaxAge = 3600 },
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        };
        return WithId(blank, UnusedId(rules, $"{blank.Id}-{rules.Count + 1}"));
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
