using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>Moving a rule from one position to another in its section.</summary>
public readonly record struct RuleMove(int From, int To);

/// <summary>
/// The rules of one section in precedence order, searched and paged on the server so that only
/// one page of a large catalogue reaches the browser. Add, move, duplicate and delete are handed
/// to the owner; delete asks for confirmation first.
/// </summary>
public partial class RuleList
{
    public const int PageSize = 25;

    private RulesDocument? _shownDocument;
    private IReadOnlyList<IRule> _rules = [];
    // Null while nothing is searched: the page is then a slice of the section, built without touching the rest.
    private IReadOnlyList<IndexedRule>? _found;
    private string? _search;
    private string? _country;
    private int _page;
    private int? _shownSelection;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public RuleSection Section { get; set; }

    [Parameter, EditorRequired] public RulesDocument Document { get; set; } = RulesDocument.Empty;

    [Parameter] public int? SelectedIndex { get; set; }

    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>Positions of rules that have validation problems; they get a mark.</summary>
    [Parameter] public IReadOnlySet<int> ProblemRules { get; set; } = new HashSet<int>();

    [Parameter] public EventCallback<int> OnSelect { get; set; }

    [Parameter] public EventCallback OnAdd { get; set; }

    [Parameter] public EventCallback<RuleMove> OnMove { get; set; }

    [Parameter] public EventCallback<int> OnDuplicate { get; set; }

    [Parameter] public EventCallback<int> OnDelete { get; set; }

    private int FoundCount => _found?.Count ?? _rules.Count;

    private IEnumerable<IndexedRule> PageItems
    {
        get
        {
            var start = _page * PageSize;
            var end = Math.Min(start + PageSize, FoundCount);
            for (var i = start; i < end; i++)
            {
                yield return _found is null ? new IndexedRule(i, _rules[i]) : _found[i];
            }
        }
    }

    private int PageCount => Math.Max(1, (FoundCount + PageSize - 1) / PageSize);

    private string CountText => _found is null
        ? $"{_rules.Count} {Section.RuleNoun()}{(_rules.Count == 1 ? "" : "s")}, first match wins"
        : $"{_found.Count} of {_rules.Count} shown";

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shownDocument, Document))
        {
            _shownDocument = Document;
            _rules = Document.Rules(Section);
            Refilter();
        }
        if (SelectedIndex != _shownSelection)
        {
            _shownSelection = SelectedIndex;
            ShowSelection();
        }
    }

    private void OnSearch(string? text)
    {
        _search = text;
        _page = 0;
        Refilter();
    }

    private void OnCountry(string? country)
    {
        _country = country;
        _page = 0;
        Refilter();
    }

    private void Refilter()
    {
        _found = string.IsNullOrWhiteSpace(_search) && string.IsNullOrWhiteSpace(_country)
            ? null
            : RuleQuery.Search(_rules, _search, _country);
        _page = Math.Min(_page, PageCount - 1);
    }

    /// <summary>Turns to the page of the selected rule, clearing the search when it hides the rule.</summary>
    private void ShowSelection()
    {
        if (SelectedIndex is not { } selected || selected >= _rules.Count)
        {
            return;
        }
        var position = FindPosition(selected);
        if (position < 0)
        {
            _search = null;
            _country = null;
            Refilter();
            position = selected;
        }
        _page = position / PageSize;
    }

    private int FindPosition(int index)
    {
        if (_found is null)
        {
            return index;
        }
        for (var i = 0; i < _found.Count; i++)
        {
            if (_found[i].Index == index)
            {
                return i;
            }
        }
        return -1;
    }

    private Task Select(int index) => OnSelect.InvokeAsync(index);

    private async Task ConfirmDelete(int index)
    {
        var rule = _rules[index];
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete {Section.RuleNoun()} \"{rule.Id}\"?",
            $"The {Section.RuleNoun()} at position {index + 1} ({rule.Path}) is removed from this draft. Rules after it move up.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true)
        {
            await OnDelete.InvokeAsync(index);
        }
    }
}
