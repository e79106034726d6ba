using EdgePortal.Edge.Publishing;

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
