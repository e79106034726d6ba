using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Services.Publishing;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class PublishingServedRevisionsTests
{
    [Fact]
    public void MayServe_SinceTheLastSuccess_GivesUnconfirmedAndUnfinishedDeploymentsOnly()
    {
        var queued = Deployment("d6", DeploymentState.Queued);
        var running = Deployment("d5", DeploymentState.Running);
        var unconfirmed = Deployment("d4", DeploymentState.Failed) with { DeploymentUnconfirmed = true };
        var failedEarly = Deployment("d3", DeploymentState.Failed);
        var succeeded = Deployment("d2", DeploymentState.Succeeded);
        var olderUnconfirmed = Deployment("d1", DeploymentState.Failed) with { DeploymentUnconfirmed = true };

        var served = ServedRevisions.MayServe([queued, running, unconfirmed, failedEarly, succeeded, olderUnconfirmed]);

        Assert.Equal(["d6", "d5", "d4"], served.Select(d => d.Id));
    }

    private static Deployment Deployment(string id, DeploymentState state) => new()
    {
        Id = id,
        State = state,
        Request = new PublishRequest
        {
            Target = new Target { Name = "local", FunctionName = "edge-rules", DistributionId = "E1" },
            RevisionId = "1",
            PackageZip = [],
            CodeSha256 = "x",
        },
    };
}
