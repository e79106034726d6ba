using EdgePortal.Portal.Services.Editing;
using Microsoft.AspNetCore.Components;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>
/// One row of <see cref="RuleList"/>. Rules are immutable records, so a row whose rule, position and marks
/// are unchanged skips rendering: typing in one rule re-renders one row, not the page of them.
/// </summary>
public partial class RuleRow
{
    private (IndexedRule Item, bool Selected, bool HasProblem, bool IsLast, bool ReadOnly)? _rendered;

    [Parameter, EditorRequired] public IndexedRule Item { get; set; } = default!;

    [Parameter] public bool Selected { get; set; }

    [Parameter] public bool HasProblem { get; set; }

    [Parameter] public bool IsLast { get; set; }

    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>The target whose audit history the row's History link opens; no link outside a target's pages.</summary>
    [CascadingParameter(Name = "HistoryTargetId")] public string? HistoryTargetId { get; set; }

    [Parameter] public EventCallback<int> OnSelect { get; set; }

    [Parameter] public EventCallback<RuleMove> OnMove { get; set; }

    [Parameter] public EventCallback<int> OnDuplicate { get; set; }

    /// <summary>Asks the list to delete (the list confirms first).</summary>
    [Parameter] public EventCallback<int> OnDelete { get; set; }

    protected override bool ShouldRender()
    {
        var now = (Item, Selected, HasProblem, IsLast, ReadOnly);
        if (_rendered == now)
        {
            return false;
        }
        _rendered = now;
        return true;
    }
}
