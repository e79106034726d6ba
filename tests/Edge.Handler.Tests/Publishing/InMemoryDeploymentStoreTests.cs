using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Tests.Publishing;

public sealed class InMemoryDeploymentStoreTests : DeploymentStoreContract
{
    protected override IDeploymentStore Open() => new InMemoryDeploymentStore(Time);

    // Memory is not shared: the "other instance" is the same one.
    protected override IDeploymentStore Reopen(IDeploymentStore store) => store;
}
