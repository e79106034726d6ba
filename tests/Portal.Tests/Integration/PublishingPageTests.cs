using System.Security.Claims;
using Bunit;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Components.Pages.Publishing;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The target's publish page rendered with bUnit over the real services, worker and local target.</summary>
public sealed class PublishingPageTests(PublishingPortal portal) : MudTestContext, IClassFixture<PublishingPortal>
{
    [Fact]
    public async Task TargetPage_Viewer_SeesRevisionsWithPublishButtonsDisabled()
    {
        await SignInAsync("Viewer");

        var page = RenderPage(out _);

        page.WaitForAssertion(() => Assert.Contains("#1", page.Find("[data-testid=revisions-table]").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("[data-testid=publish-1]").HasAttribute("disabled"));
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

        page.WaitForAssertion(() => Assert.Contains("is queued as deployment", page.Find("[data-testid=publish-message]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(
            () => Assert.Equal("Succeeded", page.Find("[data-testid=deployment-state]").TextContent),
            TimeSpan.FromMinutes(3));
        page.WaitForAssertion(() => Assert.Contains("Succeeded", page.Find("[data-testid=deployments-table]").TextContent, StringComparison.Ordinal));
    }

    private IRenderedComponent<TargetPublishing> RenderPage(out IRenderedComponent<MudDialogProvider> dialogs)
    {
        var scope = portal.Services.CreateScope();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<ITargetService>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IRevisionService>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<PublishService>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<DeploymentHistory>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<TryRequestService>());
        Services.AddSingleton(portal.Services.GetRequiredService<PublishEvents>());
        Render<MudPopoverProvider>();
        dialogs = Render<MudDialogProvider>();
        return Render<TargetPublishing>(p => p.Add(x => x.Id, "local"));
    }

    private async Task SignInAsync(string role)
    {
        var user = await portal.UserAsync(role);
        var auth = AddAuthorization();
        auth.SetAuthorized(user.Identity!.Name!);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.FindFirstValue(ClaimTypes.NameIdentifier)!));
    }
}
