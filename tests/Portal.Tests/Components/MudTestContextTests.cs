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
}
