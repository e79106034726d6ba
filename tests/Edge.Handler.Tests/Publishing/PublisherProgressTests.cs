using EdgePortal.Edge.Local;
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

    [Fact]
    public async Task Run_TargetWithRoleArn_FailsNamingTheFieldAndFreesTheTarget()
    {
        var time = new JumpingTimeProvider();
        var store = new InMemoryDeploymentStore(time);
        using var factory = new ShippingClientFactory(new LocalAws(new Edge.Simulation.AwsSimulation(time: time), null), time);
        var publisher = new Publisher(store, factory, new PublisherOptions(), time);
        var target = new Target
        {
            Name = "prod", FunctionName = "edge-rules", DistributionId = "E1",
            Credentials = new TargetCredentials { RoleArn = "arn:aws:iam::123456789012:role/publisher" },
        };
        var deployment = await publisher.CreateAsync(new PublishRequest
        {
            Target = target, RevisionId = "r1", PackageZip = [1], CodeSha256 = PackageHash.CodeSha256([1]),
        }, default);

        var failed = await publisher.RunAsync(deployment.Id, null, default);

        Assert.Equal(DeploymentState.Failed, failed.State);
        Assert.Contains("target.credentials.roleArn", failed.Error);
        Assert.True((await store.TryAcquireTargetLockAsync("prod", "next", default)).Acquired);
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
