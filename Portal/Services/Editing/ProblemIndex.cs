using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>Where a problem's JSON pointer points: a top-level area, a rule's position in it and a field.</summary>
/// <param name="Area">The first pointer segment ("geo", "redirects"); empty for the whole document.</param>
/// <param name="Index">The rule's position for rule sections; null otherwise.</param>
/// <param name="Field">The field's JSON name ("location", "countries"); null for the rule or area as a whole.</param>
public sealed record ProblemLocation(string Area, int? Index, string? Field)
{
    public RuleSection? Section => RuleSections.FromJsonName(Area);

    /// <summary>Reads <c>/redirects/3/location</c>, <c>/geo/countries/2</c> or <c>/cache/0</c>.</summary>
    public static ProblemLocation Parse(string pointer)
    {
        var segments = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/").Replace("~0", "~"))
            .ToArray();
        if (segments.Length == 0)
        {
            return new ProblemLocation("", null, null);
        }
        var area = segments[0];
        if (segments.Length > 1 && int.TryParse(segments[1], out var index))
        {
            return new ProblemLocation(area, index, segments.Length > 2 ? segments[2] : null);
        }
        return new ProblemLocation(area, null, segments.Length > 1 ? segments[1] : null);
    }
}

/// <summary>
/// Problems grouped by where they point, so an editor can ask for the messages of one field
/// of one rule without scanning the whole list on every render.
/// </summary>
public sealed class ProblemIndex
{
    private readonly Dictionary<(string Area, int? Index), FieldProblems> _byPlace = [];

    public ProblemIndex(IReadOnlyList<Problem> problems)
    {
        All = problems;
        foreach (var problem in problems)
        {
            var location = ProblemLocation.Parse(problem.Pointer);
            var key = (location.Area, location.Index);
            if (!_byPlace.TryGetValue(key, out var fields))
            {
                fields = new FieldProblems();
                _byPlace[key] = fields;
            }
            fields.Add(location.Field, problem.Message);
        }
    }

    public static ProblemIndex None { get; } = new([]);

    public IReadOnlyList<Problem> All { get; }

    public int Count => All.Count;

    /// <summary>Problems of one rule, by field.</summary>
    public FieldProblems ForRule(RuleSection section, int index) =>
        _byPlace.GetValueOrDefault((section.JsonName(), index)) ?? FieldProblems.None;

    /// <summary>Problems of a top-level area without positions ("geo", "blockedResponse", "" for the document).</summary>
    public FieldProblems ForArea(string area) => _byPlace.GetValueOrDefault((area, null)) ?? FieldProblems.None;

    /// <summary>Positions in the section that have at least one problem.</summary>
    public IReadOnlySet<int> RulesWithProblems(RuleSection section) =>
        _byPlace.Keys.Where(k => k.Area == section.JsonName() && k.Index is not null).Select(k => k.Index!.Value).ToHashSet();
}

/// <summary>The messages for the fields of one rule or area; a field's list messages count for the field.</summary>
public sealed class FieldProblems
{
    private readonly Dictionary<string, List<string>> _byField = [];

    public static FieldProblems None { get; } = new();

    public bool IsEmpty => _byField.Count == 0;

    public IEnumerable<string> All => _byField.Values.SelectMany(m => m);

    /// <summary>The first message for the field (JSON name), or null when it has none.</summary>
    public string? this[string field] => _byField.TryGetValue(field, out var messages) ? messages[0] : null;

    /// <summary>Messages about the rule as a whole rather than one of its fields.</summary>
    public string? Whole => this[""];

    public bool Has(string field) => _byField.ContainsKey(field);

    internal void Add(string? field, string message)
    {
        var key = field ?? "";
        if (!_byField.TryGetValue(key, out var messages))
        {
            messages = [];
            _byField[key] = messages;
        }
        messages.Add(message);
    }
}
