using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Tests.Generators;

namespace EdgePortal.Rules.Tests.Document;

/// <summary>The section API against a plain list: every edit does to its section what the list does, and nothing else.</summary>
public sealed class DocumentSectionsPropertyTests
{
    private enum Op { Replace, ReplaceById, Insert, Remove, RemoveById, Move, MoveById }

    private static readonly Gen<(Op Op, RuleSection Section, int A, int B)> Edit =
        Gen.Select(Gen.Enum<Op>(), Gen.Enum<RuleSection>(), Gen.Int[-1, 5], Gen.Int[-1, 5]);

    [Fact]
    public void Edits_RandomSequences_MatchAListAndLeaveOtherSectionsAlone()
    {
        var applied = 0;
        var refused = 0;
        Gen.Select(DocumentGenerator.Document, Edit.Array[1, 8]).Sample((document, edits) =>
        {
            var serial = 0;
            foreach (var (op, section, a, b) in edits)
            {
                var model = document.Rules(section).ToList();
                var rule = Fresh(section, serial++);
                var expectedOk = Apply(model, op, a, b, rule);
                RulesDocument edited;
                try
                {
                    edited = Run(document, section, op, a, b, rule);
                }
                catch (ArgumentOutOfRangeException error)
                {
                    Assert.False(expectedOk, $"{op} {a} {b} threw: {error.Message}");
                    Assert.Contains(error.ParamName, (string[])["index", "from", "to", "id"]);
                    Interlocked.Increment(ref refused);
                    continue;
                }
                Assert.True(expectedOk, $"{op} {a} {b} on {model.Count} rules should have thrown");
                Assert.Equal(model, edited.Rules(section));
                foreach (var other in RuleSections.All.Where(s => s != section))
                {
                    Assert.Equal(document.Rules(other), edited.Rules(other));
                }
                Assert.Equal(document.Geo, edited.Geo);
                Assert.Equal(document.BlockedResponse, edited.BlockedResponse);
                document = edited;
                Interlocked.Increment(ref applied);
            }
        }, iter: 1_000);
        Assert.True(applied > 500 && refused > 500, $"applied {applied}, refused {refused}");
    }

    // A rule for the section with an id no other rule has, so that edits by id find the rule the list edits.
    private static IRule Fresh(RuleSection section, int n) => section switch
    {
        RuleSection.Access => new AccessRule { Id = $"new-{n}", Path = "/new" },
        RuleSection.Redirects => new RedirectRule { Id = $"new-{n}", Path = "/new" },
        RuleSection.Origins => new OriginRule { Id = $"new-{n}", Path = "/new" },
        _ => new CacheRule { Id = $"new-{n}", Path = "/new" },
    };

    private static RulesDocument Run(RulesDocument document, RuleSection section, Op op, int a, int b, IRule rule) => op switch
    {
        Op.Replace => document.ReplaceRule(section, a, rule),
        Op.ReplaceById => document.ReplaceRule(section, IdAt(document.Rules(section), a), rule),
        Op.Insert => document.InsertRule(section, a, rule),
        Op.Remove => document.RemoveRule(section, a),
        Op.RemoveById => document.RemoveRule(section, IdAt(document.Rules(section), a)),
        Op.Move => document.MoveRule(section, a, b),
        _ => document.MoveRule(section, IdAt(document.Rules(section), a), b),
    };

    // The id of the rule at a, or one no rule has when a is outside the section.
    private static string IdAt(IReadOnlyList<IRule> rules, int a) => a >= 0 && a < rules.Count ? rules[a].Id : "missing";

    private static bool Apply(List<IRule> model, Op op, int a, int b, IRule rule)
    {
        var inRange = a >= 0 && a < model.Count;
        switch (op)
        {
            case Op.Replace or Op.ReplaceById when inRange:
                model[a] = rule;
                return true;
            case Op.Insert when a >= 0 && a <= model.Count:
                model.Insert(a, rule);
                return true;
            case Op.Remove or Op.RemoveById when inRange:
                model.RemoveAt(a);
                return true;
            case Op.Move or Op.MoveById when inRange && b >= 0 && b < model.Count:
                var moved = model[a];
                model.RemoveAt(a);
                model.Insert(b, moved);
                return true;
            default:
                return false;
        }
    }
}
