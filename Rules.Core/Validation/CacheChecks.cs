using EdgePortal.Rules.Document;
using EdgePortal.Rules.Document.Json;

namespace EdgePortal.Rules.Validation;

/// <summary>Checks a cache rule's directives: second ranges and the combinations that contradict each other.</summary>
internal static class CacheChecks
{
    public static void Check(CacheRule rule, string pointer, List<Problem> problems)
    {
        (string Name, int? Value)[] seconds =
        [
            ("maxAge", rule.MaxAge), ("sMaxAge", rule.SMaxAge),
            ("staleWhileRevalidate", rule.StaleWhileRevalidate), ("staleIfError", rule.StaleIfError),
        ];
        foreach (var (name, value) in seconds)
        {
            SecondsCheck.Check(name, value, pointer, problems);
        }
        (string Name, bool Present)[] directives =
        [
            .. seconds.Select(s => (s.Name, s.Value is not null)),
            ("public", rule.Public == true), ("private", rule.Private == true),
            ("noCache", rule.NoCache == true), ("immutable", rule.Immutable == true),
        ];
        if (rule.NoStore == true)
        {
            foreach (var (name, present) in directives.Where(d => d.Present))
            {
                problems.Add(new Problem(JsonPointer.Append(pointer, name),
                    $"noStore excludes every other directive: remove {name} (or noStore)"));
            }
            return;
        }
        if (rule.Private == true)
        {
            if (rule.SMaxAge is not null)
            {
                problems.Add(new Problem(JsonPointer.Append(pointer, "sMaxAge"),
                    "private excludes sMaxAge: shared caches do not store a private response; remove one of them"));
            }
            if (rule.Public == true)
            {
                problems.Add(new Problem(JsonPointer.Append(pointer, "public"),
                    "private and public exclude each other; remove one of them"));
            }
        }
    }
}
