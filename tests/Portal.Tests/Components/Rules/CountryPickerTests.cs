using Bunit;
using EdgePortal.Portal.Components.Rules;
using EdgePortal.Rules.Countries;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Components.Rules;

public sealed class CountryPickerTests : RuleEditorTestContext
{
    [Fact]
    public void CountryPicker_Region_AddsEveryCountryOfTheRegion()
    {
        EquatableArray<string> selected = ["US"];
        var popovers = RenderPopovers();
        var picker = Render<CountryPicker>(p => p
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, v => selected = v));

        picker.Find("[data-role=region-menu] button").Click();
        popovers.WaitForElement(".mud-menu-item");
        popovers.FindAll(".mud-menu-item").First(i => i.TextContent.StartsWith("EU ", StringComparison.Ordinal)).Click();

        picker.WaitForAssertion(() => Assert.Equal(string.Join(",", ["US", .. CountryCatalog.CodesIn("EU")]), string.Join(",", selected)));
    }

    [Fact]
    public void CountryPicker_PastedList_AddsEachCodeOnceInOrder()
    {
        EquatableArray<string> selected = ["AT"];
        var picker = Render<CountryPicker>(p => p
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, v => selected = v));

        picker.Find("[data-field=countries]").Input("de, at; ch\nGermany");
        WaitUntilEntryTaken(picker);
        picker.Find("[data-field=countries]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        picker.WaitForAssertion(() => Assert.Equal("AT,DE,CH", string.Join(",", selected)));
    }

    [Fact]
    public void CountryPicker_UnknownEntry_IsNamedAndKeptForCorrection()
    {
        EquatableArray<string> selected = [];
        var picker = Render<CountryPicker>(p => p
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, v => selected = v));

        picker.Find("[data-field=countries]").Input("DE, UK");
        WaitUntilEntryTaken(picker);
        picker.Find("[data-field=countries]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        picker.WaitForAssertion(() => Assert.Equal("DE", string.Join(",", selected)));
        Assert.Contains("Not a country: UK", picker.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void CountryPicker_SearchByName_SuggestsTheCountry()
    {
        EquatableArray<string> selected = [];
        var picker = Render<CountryPicker>(p => p
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, v => selected = v));

        picker.Find("[data-field=countries]").Input("switz");
        picker.WaitForElement("[data-suggestion=CH]").Click();

        picker.WaitForAssertion(() => Assert.Equal("CH", string.Join(",", selected)));
    }

    [Fact]
    public void CountryPicker_Chips_ShowCodesWithNames()
    {
        var picker = Render<CountryPicker>(p => p.Add(c => c.Selected, ["DE", "GB"]));

        Assert.Contains("Germany", picker.Find("[data-country=DE]").TextContent, StringComparison.Ordinal);
        Assert.Contains("United Kingdom", picker.Find("[data-country=GB]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>The picker enables its Add button once the typed text has reached it.</summary>
    private static void WaitUntilEntryTaken(IRenderedComponent<CountryPicker> picker) =>
        picker.WaitForAssertion(() => Assert.False(picker.FindAll("button").Single(b => b.TextContent.Trim() == "Add").HasAttribute("disabled")));
}
