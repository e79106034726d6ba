using EdgePortal.Rules.Diff;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>One line of the field-by-field table.</summary>
public sealed record DiffRow(string Where, string Field, string? Before, string? After);

/// <summary>Flattens a document diff into table rows: top-level, geo, blocked response, then each rule's fields.</summary>
public static class DiffRows
{
    public static IReadOnlyList<DiffRow> Of(DocumentChanges changes)
    {
        var rows = new List<DiffRow>();
        rows.AddRange(changes.Document.Select(f => new DiffRow("document", f.Field, f.Before, f.After)));
        rows.AddRange(changes.Geo.Select(f => new DiffRow("geo", f.Field, f.Before, f.After)));
        rows.AddRange(changes.BlockedResponse.Select(f => new DiffRow("blocked response", f.Field, f.Before, f.After)));
        foreach (var section in changes.Sections)
        {
            foreach (var change in section.Changes)
            {
                var where = $"{section.Section.RuleNoun()} {change.RuleId}";
                switch (change.Kind)
                {
                    case RuleChangeKind.Added:
                        rows.Add(new DiffRow(where, "(rule)", null, $"added at position {change.NewIndex + 1}"));
                        break;
                    case RuleChangeKind.Removed:
                        rows.Add(new DiffRow(where, "(rule)", $"at position {change.OldIndex + 1}", null));
                        break;
                    case RuleChangeKind.Moved:
                        rows.Add(new DiffRow(where, "(position)", $"{change.OldIndex + 1}", $"{change.NewIndex + 1}"));
                        break;
                    default:
                        rows.AddRange(change.Fields.Select(f => new DiffRow(where, f.Field, f.Before, f.After)));
                        break;
                }
            }
        }
        return rows;
    }
}
