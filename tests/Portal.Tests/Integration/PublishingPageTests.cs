using Bunit;
using EdgePortal.Portal.Components.Pages.Publishing;
using EdgePortal.Portal.Tests.Components;
using MudBlazor;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The target's publish page rendered with bUnit over the real services, worker and local target.</summary>
public sealed class PublishingPageTests(PublishingPortal portal) : MudTestContext, IClassFixture<PublishingPortal>
{
    [Fact]
    public async Task TargetPage_Viewer_SeesRevisionsWithPublishButtonsDisabled()
    {
        var revision = await portal.AddRevisionAsync(PublishingTests.SeedExample with { Cache = [new Rules.Document.CacheRule { Id = "viewer", Path = "/viewer/*", MaxAge = 30 }] });
        await SignInAsync("Viewer");

        var page = RenderPage(out _);

        page.WaitForAssertion(() => Assert.Contains($"#{revision.Number}", page.Find("[data-testid=revisions-table]").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find($"[data-testid=publish-{revision.Number}]").HasAttribute("disabled"));
        Assert.Contains("Only Approvers and Admins may publish", page.Markup, StringComparison.Ordinal);
        Assert.Contains("<code>ELOCALEXAMPLE1</code>", page.Markup, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=local-versions]"));
    }

    [Fact]
    public async Task TargetPage_ApproverConfirmsPublish_ShowsPlanThenDeploymentSucceeds()
    {
        var revision = await portal.AddRevisionAsync(PublishingTests.SeedExample with { Cache = [new Rules.Document.CacheRule { Id = "page", Path = "/page/*", MaxAge = 30 }] });
        await SignInAsync("Approver");
        var page = RenderPage(out var dialogs);
        var button = $"[data-testid=publish-{revision.Number}]";
        page.WaitForAssertion(() => Assert.False(page.Find(button).HasAttribute("disabled")));

        // The click handler awaits the dialog, so it only completes once the dialog is answered.
        var clicked = page.Find(button).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("billed path(s)", dialogs.Find("[data-testid=billed-paths]").TextContent, StringComparison.Ordinal));
        await dialogs.Find("[data-testid=confirm-publish]").ClickAsync(new());
        await clicked;

        page.WaitForAssertion(() => Assert.Contains("was queued as deployment", page.Find("[data-testid=publish-message]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(
            () => Assert.Equal("Succeeded", page.Find("[data-testid=deployment-state]").TextContent),
            TimeSpan.FromMinutes(3));
        page.WaitForAssertion(() => Assert.Contains("Succeeded", page.Find("[data-testid=deployments-table]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains($"Live: revision #{revision.Number}", page.Find("[data-testid=live-revision]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(button)));
    }

    private IRenderedComponent<TargetPublishing> RenderPage(out IRenderedComponent<MudDialogProvider> dialogs) => PublishingPage.Render(this, portal, out dialogs);

    private Task SignInAsync(string role) => PublishingPage.SignInAsync(this, portal, role);
}
