using EdgePortal.Rules.Merge;
using Microsoft.AspNetCore.Components;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>
/// The conflicts of a rebase with base, live's and the author's value, and a choice per row. Nothing is
/// taken by default: the author chooses every row, then <see cref="OnApply"/> gets the choices by key.
/// </summary>
public partial class MergeConflicts
{
    private readonly Dictionary<string, MergeChoice> _choices = new(StringComparer.Ordinal);
    private bool _busy;

    [Parameter, EditorRequired] public IReadOnlyList<MergeConflict> Conflicts { get; set; } = [];

    [Parameter] public int BaseNumber { get; set; }

    [Parameter] public int LiveNumber { get; set; }

    [Parameter] public EventCallback<IReadOnlyDictionary<string, MergeChoice>> OnApply { get; set; }

    private bool AllChosen => Conflicts.Count > 0 && Conflicts.All(c => _choices.ContainsKey(c.Key));

    protected override void OnParametersSet()
    {
        // A newer merge may name other conflicts; choices for ones that are gone would be refused.
        var keys = Conflicts.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _choices.Keys.Where(k => !keys.Contains(k)).ToList())
        {
            _choices.Remove(stale);
        }
    }

    private MergeChoice? Chosen(MergeConflict conflict) => _choices.TryGetValue(conflict.Key, out var choice) ? choice : null;

    private void Choose(MergeConflict conflict, MergeChoice choice) => _choices[conflict.Key] = choice;

    private async Task Apply()
    {
        _busy = true;
        try
        {
            await OnApply.InvokeAsync(new Dictionary<string, MergeChoice>(_choices, StringComparer.Ordinal));
        }
        finally
        {
            _busy = false;
        }
    }
}
