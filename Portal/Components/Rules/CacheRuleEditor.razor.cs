using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using Microsoft.AspNetCore.Components;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>Edits one cache rule, with a live preview of the resulting <c>Cache-Control</c> value.</summary>
public partial class CacheRuleEditor
{
    private sealed record SecondsField(string Name, string Label, string Help, Func<CacheRule, int?> Get, Func<CacheRule, int?, CacheRule> Set);

    private sealed record FlagField(string Name, string Label, Func<CacheRule, bool?> Get, Func<CacheRule, bool?, CacheRule> Set);

    private static readonly SecondsField[] SecondsFields =
    [
        new("maxAge", "max-age (seconds)", "How long browsers keep it", r => r.MaxAge, (r, v) => r with { MaxAge = v }),
        new("sMaxAge", "s-maxage (seconds)", "How long CloudFront keeps it", r => r.SMaxAge, (r, v) => r with { SMaxAge = v }),
        new("staleWhileRevalidate", "stale-while-revalidate (seconds)", "Serve stale while refreshing",
            r => r.StaleWhileRevalidate, (r, v) => r with { StaleWhileRevalidate = v }),
        new("staleIfError", "stale-if-error (seconds)", "Serve stale when the origin fails",
            r => r.StaleIfError, (r, v) => r with { StaleIfError = v }),
    ];

    private static readonly FlagField[] Flags =
    [
        new("public", "public", r => r.Public, (r, v) => r with { Public = v }),
        new("private", "private", r => r.Private, (r, v) => r with { Private = v }),
        new("noCache", "no-cache", r => r.NoCache, (r, v) => r with { NoCache = v }),
        new("noStore", "no-store", r => r.NoStore, (r, v) => r with { NoStore = v }),
        new("immutable", "immutable", r => r.Immutable, (r, v) => r with { Immutable = v }),
    ];

    [Parameter, EditorRequired] public CacheRule Rule { get; set; } = new();

    [Parameter] public FieldProblems Problems { get; set; } = FieldProblems.None;

    [Parameter] public bool ReadOnly { get; set; }

    [Parameter] public EventCallback<IRule> RuleChanged { get; set; }

    private IEnumerable<string> FlagProblems =>
        Flags.Select(f => Problems[f.Name]).Concat([Problems["mode"]]).OfType<string>().Distinct();

    private Task Emit(CacheRule rule) => RuleChanged.InvokeAsync(rule);
}
