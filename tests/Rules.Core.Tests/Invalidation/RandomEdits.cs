using CsCheck;
using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Invalidation;

/// <summary>One random edit an operator might make to a document.</summary>
internal sealed record Edit(EditKind Kind, RuleSection Section, int A, int B, IRule Rule, GeoSettings? Geo, BlockedResponse? Blocked)
{
    public bool IsRuleEdit => Kind is not (EditKind.Geo or EditKind.BlockedResponse);
}

internal enum EditKind { Change, ChangePath, Add, Remove, Move, Rename, Geo, BlockedResponse }

/// <summary>Random edits and their application.</summary>
internal static class RandomEdits
{
    private static readonly Gen<IRule> AnyRule = Gen.OneOf<IRule>(
        RandomDocuments.Access.Select(r => (IRule)r), RandomDocuments.Redirect.Select(r => (IRule)r),
        RandomDocuments.Origin.Select(r => (IRule)r), RandomDocuments.Cache.Select(r => (IRule)r));

    public static readonly Gen<Edit> RuleEdit = Gen.Select(
        Gen.OneOf(EditKind.Change, EditKind.ChangePath, EditKind.Add, EditKind.Remove, EditKind.Move, EditKind.Rename),
        Gen.Enum<RuleSection>(), Gen.Int[0, 9], Gen.Int[0, 9], AnyRule,
        (kind, section, a, b, rule) => new Edit(kind, section, a, b, rule, null, null));

    public static readonly Gen<Edit> AnyEdit = Gen.Frequency(
        (8, RuleEdit),
        (1, RandomDocuments.Geo.Null(0.2).Select(g => new Edit(EditKind.Geo, RuleSection.Access, 0, 0, new AccessRule(), g, null))),
        (1, RandomDocuments.Blocked.Null(0.2).Select(b => new Edit(EditKind.BlockedResponse, RuleSection.Access, 0, 0, new AccessRule(), null, b))));

    public static RulesDocument Apply(RulesDocument document, Edit edit) => edit.Kind switch
    {
        EditKind.Geo => document with { Geo = edit.Geo },
        EditKind.BlockedResponse => document with { BlockedResponse = edit.Blocked },
        _ => edit.Section switch
        {
            RuleSection.Access => document with { Access = [.. EditList(document.Access, edit, (AccessRule?)Fit<AccessRule>(edit.Rule))] },
            RuleSection.Redirects => document with { Redirects = [.. EditList(document.Redirects, edit, Fit<RedirectRule>(edit.Rule))] },
            RuleSection.Origins => document with { Origins = [.. EditList(document.Origins, edit, Fit<OriginRule>(edit.Rule))] },
            _ => document with { Cache = [.. EditList(document.Cache, edit, Fit<CacheRule>(edit.Rule))] },
        },
    };

    // The generated rule may belong to another section; then only its path is used on an existing rule.
    private static T? Fit<T>(IRule rule)
        where T : class, IRule => rule as T;

    private static List<T> EditList<T>(IReadOnlyList<T> rules, Edit edit, T? replacement)
        where T : class, IRule
    {
        var list = rules.ToList();
        var path = edit.Rule.Path;
        switch (edit.Kind)
        {
            case EditKind.Add when replacement is not null:
                list.Insert(edit.A % (list.Count + 1), WithId(replacement, FreshId(list)));
                break;
            case EditKind.Remove when list.Count > 0:
                list.RemoveAt(edit.A % list.Count);
                break;
            case EditKind.Move when list.Count > 1:
                var rule = list[edit.A % list.Count];
                list.Remove(rule);
                list.Insert(edit.B % (list.Count + 1), rule);
                break;
            case EditKind.Rename when list.Count > 0:
                var i = edit.A % list.Count;
                list[i] = WithId(list[i], list[i].Id + "x");
                break;
            case EditKind.Change when list.Count > 0 && replacement is not null:
                var k = edit.A % list.Count;
                list[k] = WithId(replacement, list[k].Id);
                break;
            case EditKind.ChangePath or EditKind.Change when list.Count > 0:
                var p = edit.A % list.Count;
                list[p] = WithPath(list[p], path);
                break;
        }
        return list;
    }

    private static string FreshId<T>(List<T> rules)
        where T : IRule
    {
        var k = 0;
        while (rules.Any(r => r.Id == $"n{k}"))
        {
            k++;
        }
        return $"n{k}";
    }

    private static T WithId<T>(T rule, string id)
        where T : IRule => (T)(object)(rule switch
        {
            AccessRule a => a with { Id = id },
            RedirectRule r => r with { Id = id },
            OriginRule o => o with { Id = id },
            CacheRule c => c with { Id = id },
            _ => throw new InvalidOperationException(),
        });

    private static T WithPath<T>(T rule, string path)
        where T : IRule => (T)(object)(rule switch
        {
            AccessRule a => a with { Path = path },
            RedirectRule r => r with { Path = path },
            OriginRule o => o with { Path = path },
            CacheRule c => c with { Path = path },
            _ => throw new InvalidOperationException(),
        });
}
