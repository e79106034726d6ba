using Bunit;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Components;
using EdgePortal.Rules.Document;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The publish page over a local target slower to deploy than publishes wait: what the operator sees, and Resume the wait.</summary>
public sealed class PublishingUnconfirmedPageTests : MudTestContext
{
    [Fact]
    public async Task TargetPage_UnconfirmedDeployment_ShowsItWithItsReasonAndResumingTheWaitMakesItSucceed()
    {
        await using var portal = PublishingPortal.With(("LocalPropagationDelay", "00:00:05"), ("DeployedTimeout", "00:00:02"));
        var approver = await PublishingPage.SignInAsync(this, portal, "Approver");
        var revision = await portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [new CacheRule { Id = "page", Path = "/page/*", MaxAge = 30 }] });
        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s =>
            s.GetRequiredService<PublishService>().StartPublishAsync(approver, PortalDatabase.LocalTargetId, revision.Id)));
        await portal.FinishedAsync(queued.DeploymentId);
        var page = PublishingPage.Render(this, portal, out _);

        page.WaitForAssertion(() => Assert.Contains($"deployment {queued.DeploymentId} is associated; deployment not confirmed",
            page.Find("[data-testid=may-also-serve]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Associated; deployment not confirmed", page.Find("[data-testid=deployments-table]").TextContent, StringComparison.Ordinal);
        // The page re-renders as the deployment moves on: a click found before a render would miss, so it is found again until it lands.
        page.WaitForAssertion(() => page.Find("[data-testid=deployments-table] tbody tr").Click());
        page.WaitForAssertion(() => Assert.Equal("Associated; deployment not confirmed", page.Find("[data-testid=deployment-state]").TextContent));
        Assert.StartsWith("Wait until the distribution is Deployed: Distribution ELOCALEXAMPLE1 is still InProgress when the step's 2 s ran out.",
            page.Find("[data-testid=deployment-unconfirmed-reason]").TextContent, StringComparison.Ordinal);
        await portal.DeployedAsync();
        await page.Find("[data-testid=resume-wait]").ClickAsync(new());

        // The page follows the store: the requeued deployment leaves "not confirmed" at once, so its state is what shows the resume.
        page.WaitForAssertion(() => Assert.Contains(page.Find("[data-testid=deployment-state]").TextContent, (string[])["Queued", "Running", "Succeeded"]));
        var finished = await portal.AuditedAsync(queued.DeploymentId, AuditActions.PublishSucceeded);
        Assert.Equal(DeploymentState.Succeeded, finished.State);
        page.WaitForAssertion(() => Assert.Equal("Succeeded", page.Find("[data-testid=deployment-state]").TextContent), TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=may-also-serve]")));
    }

    [Fact]
    public async Task TargetPage_WaitingForDeployed_ShowsTheTimeTheStepHasLeft()
    {
        await using var portal = PublishingPortal.With(("LocalPropagationDelay", "00:10:00"), ("DeployedTimeout", "00:05:00"));
        var approver = await PublishingPage.SignInAsync(this, portal, "Approver");
        var revision = await portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [new CacheRule { Id = "slow", Path = "/slow/*", MaxAge = 30 }] });
        var page = PublishingPage.Render(this, portal, out _);
        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s =>
            s.GetRequiredService<PublishService>().StartPublishAsync(approver, PortalDatabase.LocalTargetId, revision.Id)));

        page.WaitForAssertion(() => Assert.Contains("Running", page.Find("[data-testid=deployments-table]").TextContent, StringComparison.Ordinal));
        // The page re-renders as the deployment moves on: a click found before a render would miss, so it is found again until it lands.
        page.WaitForAssertion(() => page.Find("[data-testid=deployments-table] tbody tr").Click());

        page.WaitForAssertion(() => Assert.Matches(@"^Wait until the distribution is Deployed: [45] min( \d+ s)? left\.$",
            page.Find("[data-testid=step-time-left]").TextContent), TimeSpan.FromSeconds(30));
        Assert.Equal("Running", page.Find("[data-testid=deployment-state]").TextContent);
        Assert.NotNull((await portal.Services.GetRequiredService<IDeploymentStore>().LoadAsync(queued.DeploymentId, default))!.StepDeadline);
    }
}
