using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Countries;
using EdgePortal.Rules.Document;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>
/// Picks ISO country codes: type or paste codes or names ("DE, AT, CH"), add a whole region, remove
/// with the chip's close button. The selection is handed back through <see cref="SelectedChanged"/>.
/// </summary>
public partial class CountryPicker
{
    private string? _entry;
    private string? _entryProblem;

    [Parameter] public string Label { get; set; } = "Countries";

    [Parameter] public EquatableArray<string> Selected { get; set; } = [];

    [Parameter] public EventCallback<EquatableArray<string>> SelectedChanged { get; set; }

    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>A validation message for the list as a whole, shown under the entry field.</summary>
    [Parameter] public string? Error { get; set; }

    private static IEnumerable<string> Regions => CountryCatalog.Regions;

    private static int RegionSize(string region) => CountryCatalog.CodesIn(region).Count;

    private static string NameOf(string code) => CountryCatalog.NameOf(code) ?? "unknown code";

    /// <summary>Countries matching a single typed word or name, not yet selected.</summary>
    private IReadOnlyList<Country> Suggestions =>
        _entry is { Length: >= 2 } text && text.IndexOfAny([',', ';', '\n']) < 0
            ? [.. CountryEntry.Search(text).Where(c => !Selected.Items.Contains(c.Code)).Take(8)]
            : [];

    private async Task Pick(string code)
    {
        _entry = null;
        _entryProblem = null;
        await Add([code]);
    }

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await AddEntry();
        }
    }

    private async Task AddEntry()
    {
        if (string.IsNullOrWhiteSpace(_entry))
        {
            return;
        }
        var result = CountryEntry.Parse(_entry);
        _entryProblem = result.Unknown.Count == 0 ? null : $"Not a country: {string.Join(", ", result.Unknown)}";
        // Keep what could not be read in the field so it can be corrected.
        _entry = result.Unknown.Count == 0 ? null : string.Join(", ", result.Unknown);
        await Add(result.Codes);
    }

    private Task AddRegion(string region) => Add(CountryCatalog.CodesIn(region));

    private Task Add(IEnumerable<string> codes) =>
        SelectedChanged.InvokeAsync([.. Selected.Concat(codes.Where(c => !Selected.Items.Contains(c)))]);

    private Task Remove(string code) => SelectedChanged.InvokeAsync([.. Selected.Where(c => c != code)]);

    private EventCallback<MudBlazor.MudChip<string>> CloseFor(string code) =>
        ReadOnly ? default : EventCallback.Factory.Create<MudBlazor.MudChip<string>>(this, () => Remove(code));

    private Task Clear() => SelectedChanged.InvokeAsync([]);
}
