using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Publishing;

public class PublisherProgressTests
{
    [Fact]
    public async Task Run_WithProgress_ReportsEachStepStartingAndFinishing()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var publisher = world.Publisher();
        var deployment = await publisher.CreateAsync(world.Request("r7"), default);
        var progress = new ListProgress();

        await publisher.RunAsync(deployment.Id, progress, default);

        var finished = progress.Reports.Where(p => p.Event == StepEvent.Finished).ToList();
        Assert.Equal(Enum.GetValues<PublishStep>(), finished.Select(p => p.Step!.Value));
        Assert.All(progress.Reports, p => Assert.Equal(deployment.Id, p.DeploymentId));
        Assert.Contains(finished, p => p.Message == "Published version 7: arn:aws:lambda:us-east-1:123456789012:function:edge-rules:7.");
    }

    [Fact]
    public async Task Run_WaitingForDeployed_ReportsTheTimeLeftAndRecordsTheDeadline()
    {
        await using var world = await EmulatorWorld.StartAsync(new SimulationOptions { PropagationDelay = TimeSpan.FromMinutes(2) });
        var progress = new ListProgress();
        var publisher = world.Publisher();
        var created = await publisher.CreateAsync(world.Request("r7"), default);

        var deployment = await publisher.RunAsync(created.Id, progress, default);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        var waiting = progress.Reports.Where(l => l.Step == PublishStep.WaitDeployed && l.Message.Contains("still InProgress", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(waiting);
        Assert.Matches(@"^Distribution EDFDVBD6EXAMPLE is still InProgress; waiting, 3\d min( \d+ s)? left\.$", waiting[0].Message);
        Assert.All(waiting, l => Assert.NotNull(l.StepDeadline));
        var started = progress.Reports.First(l => l is { Step: PublishStep.WaitDeployed, Event: StepEvent.Started });
        Assert.Equal("Wait until the distribution is Deployed (within 35 min).", started.Message);
        Assert.Null(deployment.StepDeadline);
    }

    private sealed class ListProgress : IProgress<PublishProgress>
    {
        private readonly List<PublishProgress> _reports = [];

        public IReadOnlyList<PublishProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(PublishProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }
}
