using Bunit;
using EdgePortal.Edge.Preflight;
using EdgePortal.Portal.Components.Targets;
using EdgePortal.Portal.Services.Publishing;

namespace EdgePortal.Portal.Tests.Components.Targets;

public sealed class TargetCheckListTests : MudTestContext
{
    [Fact]
    public void TargetCheckList_FailingReport_ListsFailuresFirstAndSaysPublishWouldBeRefused()
    {
        var report = new TargetCheckReport("prod", new PreflightResult(
        [
            CheckResult.Pass("Runtime", "Lambda function edge-rules runs nodejs20.x."),
            CheckResult.NotChecked("Execution role", "Could not check role r."),
            CheckResult.Fail("Cache key of /static/*", "Cache behaviour '/static/*' uses cache policy Managed-CachingOptimized (658327ea-f89d-4fab-a63d-7e88639e58f6): ..."),
        ]), null);

        var list = Render<TargetCheckList>(p => p.Add(c => c.Report, report));

        Assert.Equal("prod: 1 of 3 checks failed; a publish would be refused", list.Find("[data-testid=target-check-summary]").TextContent);
        var items = list.FindAll("[data-testid=target-check-item]");
        Assert.Equal(["Failed", "NotChecked", "Passed"], items.Select(i => i.GetAttribute("data-outcome")));
        Assert.Contains("Managed-CachingOptimized (658327ea-f89d-4fab-a63d-7e88639e58f6)", items[0].TextContent);
    }

    [Fact]
    public void TargetCheckList_Refusal_ShowsWhyNothingRan()
    {
        var list = Render<TargetCheckList>(p => p.Add(c => c.Report, new TargetCheckReport("nope", null, "There is no target 'nope'.")));

        Assert.Equal("Could not test nope", list.Find("[data-testid=target-check-summary]").TextContent);
        Assert.Contains("There is no target 'nope'.", list.Markup);
        Assert.Empty(list.FindAll("[data-testid=target-check-item]"));
    }
}
