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

        Assert.Equal(["US", .. CountryCatalog.CodesIn("EU")], selected.Items);
    }

    [Fact]
    public void CountryPicker_PastedList_AddsEachCodeOnceInOrder()
    {
        EquatableArray<string> selected = ["AT"];
        var picker = Render<CountryPicker>(p => p
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, v => selected = v));

        picker.Find("[data-field=countries] input").Input("de, at; ch\nGermany");
        picker.Find("[data-field=countries] input").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["AT", "DE", "CH"], selected.Items);
    }

    [Fact]
    public void CountryPicker_UnknownEntry_IsNamedAndKeptForCorrection()
    {
        EquatableArray<string> selected = [];
        var picker = Render<CountryPicker>(p => p
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, v => selected = v));

        picker.Find("[data-field=countries] input").Input("DE, UK");
        picker.Find("[data-field=countries] input").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["DE"], selected.Items);
        Assert.Contains("Not a country: UK", picker.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void CountryPicker_SearchByName_SuggestsTheCountry()
    {
        EquatableArray<string> selected = [];
        var picker = Render<CountryPicker>(p => p
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, v => selected = v));

        picker.Find("[data-field=countries] input").Input("switz");
        picker.Find("[data-suggestion=CH]").Click();

        Assert.Equal(["CH"], selected.Items);
    }

    [Fact]
    public void CountryPicker_Chips_ShowCodesWithNames()
    {
        var picker = Render<CountryPicker>(p => p.Add(c => c.Selected, ["DE", "GB"]));

        Assert.Contains("Germany", picker.Find("[data-country=DE]").TextContent, StringComparison.Ordinal);
        Assert.Contains("United Kingdom", picker.Find("[data-country=GB]").TextContent, StringComparison.Ordinal);
    }
}
