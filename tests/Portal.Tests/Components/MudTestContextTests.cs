using Bunit;
using MudBlazor;

namespace EdgePortal.Portal.Tests.Components;

public sealed class MudTestContextTests : MudTestContext
{
    [Fact]
    public void MudButton_RendersItsTextAndClicks()
    {
        var clicks = 0;
        var button = Render<MudButton>(p => p
            .Add(b => b.OnClick, () => clicks++)
            .AddChildContent("Save draft"));

        button.Find("button").Click();

        Assert.Equal("Save draft", button.Find("button").TextContent.Trim());
        Assert.Equal(1, clicks);
    }

    [Fact]
    public void RenderWithProviders_RendersASelectThatOpens()
    {
        var select = RenderWithProviders<MudSelect<string>>(p => p
            .Add(s => s.Label, "Role")
            .AddChildContent<MudSelectItem<string>>(item => item.Add(i => i.Value, "Editor")));

        Assert.Contains("Role", select.Markup, StringComparison.Ordinal);
    }
}
