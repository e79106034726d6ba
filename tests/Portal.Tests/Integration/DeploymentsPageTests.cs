using Bunit;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Components.Pages.Deployments;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Components;
using EdgePortal.Rules.Document;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The deployments pages over the real store: who asked, what, its steps with their times, the version and the invalidation until Completed.</summary>
public sealed class DeploymentsPageTests(PublishingPortal portal) : MudTestContext, IClassFixture<PublishingPortal>
{
    [Fact]
    public async Task DeploymentsPage_AfterAPublish_ShowsWhoWhatVersionInvalidationCompletedAndStepTimes()
    {
        var (deployment, revision, approver) = await PublishAsync("/listed/*");
        await PublishingPage.SignInAsync(this, portal, "Viewer");

        var page = Render(targetId: null);

        var row = $"[data-deployment='{deployment.Id}']";
        page.WaitForAssertion(() => Assert.NotNull(page.Find(row)));
        var text = page.Find(row).ParentElement!.TextContent;
        Assert.Contains(approver, text, StringComparison.Ordinal);
        Assert.Contains($"revision #{revision.Number}", text, StringComparison.Ordinal);
        Assert.Contains("Succeeded", text, StringComparison.Ordinal);
        Assert.Contains(deployment.VersionArn!, text, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains($"{deployment.InvalidationId}: Completed", page.Find(row).ParentElement!.TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));

        page.WaitForAssertion(() => page.Find(row).ParentElement!.Click());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=step-Version]")));
        Assert.Contains("Finished", page.Find("[data-testid=step-Version]").TextContent, StringComparison.Ordinal);
        Assert.Contains("UTC", page.Find("[data-testid=step-Invalidate]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploymentsPage_OneTarget_ListsOnlyThatTargetsDeployments()
    {
        var (deployment, _, _) = await PublishAsync("/target-only/*");
        await PublishingPage.SignInAsync(this, portal, "Viewer");

        var page = Render(targetId: "elsewhere");

        page.WaitForAssertion(() => Assert.Contains("No deployment matches.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll($"[data-deployment='{deployment.Id}']"));
        Assert.Contains("Deployments to elsewhere", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FilteredByStatePersonAndTarget_GivesOnlyWhatMatches()
    {
        var (deployment, _, approver) = await PublishAsync("/filtered/*");
        var (byPerson, failedByPerson, otherTarget, choices) = await portal.WithAsync(async s =>
        {
            var query = s.GetRequiredService<DeploymentQuery>();
            return (await query.ListAsync(new DeploymentFilter(RequestedBy: approver)),
                await query.ListAsync(new DeploymentFilter(State: DeploymentState.Failed, RequestedBy: approver)),
                await query.ListAsync(new DeploymentFilter(TargetId: "elsewhere", RequestedBy: approver)),
                await query.ChoicesAsync());
        });

        Assert.Equal([deployment.Id], byPerson.Select(s => s.Deployment.Id));
        Assert.Empty(failedByPerson);
        Assert.Empty(otherTarget);
        Assert.Contains(approver, choices.People);
        Assert.Contains(choices.Targets, t => t.Id == PortalDatabase.LocalTargetId);
    }

    private async Task<(Deployment Deployment, Revision Revision, string Approver)> PublishAsync(string path)
    {
        var approver = await portal.UserAsync("Approver");
        var revision = await portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [new CacheRule { Id = "c", Path = path, MaxAge = 60 }] });
        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s =>
            s.GetRequiredService<PublishService>().StartPublishAsync(approver, PortalDatabase.LocalTargetId, revision.Id)));
        var deployment = await portal.FinishedAsync(queued.DeploymentId);
        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        return (deployment, revision, approver.Identity!.Name!);
    }

    private IRenderedComponent<DeploymentsPage> Render(string? targetId)
    {
        var scope = portal.Services.CreateScope();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<DeploymentQuery>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<DeploymentHistory>());
        Services.AddSingleton(portal.Services.GetRequiredService<InvalidationStatuses>());
        Services.AddSingleton(portal.Services.GetRequiredService<PublishEvents>());
        Render<MudBlazor.MudPopoverProvider>();
        return Render<DeploymentsPage>(p => p.Add(x => x.TargetId, targetId));
    }
}
