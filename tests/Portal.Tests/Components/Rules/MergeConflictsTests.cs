using Bunit;
using EdgePortal.Portal.Components.Rules;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;

namespace EdgePortal.Portal.Tests.Components.Rules;

public sealed class MergeConflictsTests : MudTestContext
{
    private static readonly RedirectRule _ca = new() { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/" };

    // Both sides changed the geo list and the same redirect, differently.
    private static readonly MergeResult _merge = ThreeWayMerge.Merge(
        RulesDocument.Empty with { Redirects = [_ca] },
        RulesDocument.Empty with { Geo = new GeoSettings { Countries = ["DE", "AT"] }, Redirects = [_ca with { Location = "https://live.example.com/" }] },
        RulesDocument.Empty with { Geo = new GeoSettings { Countries = ["FR"] }, Redirects = [_ca with { Location = "https://mine.example.com/" }] });

    [Fact]
    public void MergeConflicts_Rows_ShowBaseLiveAndYoursForEachConflict()
    {
        var component = Render<MergeConflicts>(p => p.Add(c => c.Conflicts, _merge.Conflicts).Add(c => c.BaseNumber, 1).Add(c => c.LiveNumber, 2));

        var rows = component.FindAll("[data-role=conflict-row]");
        Assert.Equal(["geo/countries", "redirects/ca-home"], rows.Select(r => r.GetAttribute("data-key")));
        Assert.Equal("(empty)", rows[0].QuerySelector("[data-role=base]")!.TextContent);
        Assert.Equal("DE, AT", rows[0].QuerySelector("[data-role=theirs]")!.TextContent);
        Assert.Equal("FR", rows[0].QuerySelector("[data-role=yours]")!.TextContent);
        Assert.Contains("https://live.example.com/", rows[1].QuerySelector("[data-role=theirs]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("https://mine.example.com/", rows[1].QuerySelector("[data-role=yours]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Live moved to revision 2: choose for 2 changes", component.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeConflicts_Apply_WaitsForEveryChoiceAndHandsThemOnByKey()
    {
        IReadOnlyDictionary<string, MergeChoice>? applied = null;
        var component = Render<MergeConflicts>(p => p.Add(c => c.Conflicts, _merge.Conflicts).Add(c => c.BaseNumber, 1).Add(c => c.LiveNumber, 2)
            .Add(c => c.OnApply, choices => applied = choices));

        Assert.True(component.Find("[data-action=apply-choices]").HasAttribute("disabled"));
        component.FindAll("[data-role=conflict-row]")[0].QuerySelector("[data-action=keep-mine]")!.Click();
        Assert.True(component.Find("[data-action=apply-choices]").HasAttribute("disabled"));
        Assert.Equal("1 left to choose.", component.Find("[data-role=choices-left]").TextContent.Trim());
        component.FindAll("[data-role=conflict-row]")[1].QuerySelector("[data-action=keep-live]")!.Click();
        component.Find("[data-action=apply-choices]").Click();

        Assert.Equal(new Dictionary<string, MergeChoice> { ["geo/countries"] = MergeChoice.Yours, ["redirects/ca-home"] = MergeChoice.Theirs }, applied);
    }
}
