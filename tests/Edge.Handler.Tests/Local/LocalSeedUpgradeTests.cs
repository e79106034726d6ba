using EdgePortal.Edge.Local;
using EdgePortal.Edge.Preflight;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Simulation;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Edge.Tests.Local;

public sealed class LocalSeedUpgradeTests : IDisposable
{
    private readonly LocalTargetOptions _options = new() { Directory = Path.Combine(Path.GetTempPath(), "local-upgrade-" + Guid.NewGuid().ToString("N")) };

    [Fact]
    public async Task Open_SnapshotSavedBeforeThePreflight_GetsTheRoleAndCachePolicyAndPassesEveryCheck()
    {
        // A local target as the old seed left it: no roles, no cache policies, CachingOptimized on the default behaviour.
        var old = new AwsSimulation();
        LocalSeed.Apply(old, _options.FunctionName, _options.DistributionId);
        var snapshot = old.ToSnapshot();
        var distribution = snapshot.Distributions.Single();
        Directory.CreateDirectory(_options.Directory);
        var saved = new AwsSimulation();
        saved.Restore(snapshot with
        {
            Roles = null,
            CachePolicies = null,
            Distributions = [distribution with { ConfigXml = distribution.ConfigXml.Replace(LocalSeed.CachePolicyId, ManagedCachePolicies.CachingOptimizedId, StringComparison.Ordinal) }],
        });
        saved.SaveTo(Path.Combine(_options.Directory, LocalAws.SnapshotFileName));

        var local = LocalTarget.Open(_options, TimeProvider.System);
        var result = await PreflightCheck.RunAsync(LocalTarget.Describe(_options), new ShippingClients(local, local) { Iam = local },
            new CacheKeyNeeds(["redirect ca"], ["redirect ca (keeps the query string)"]), null, default);

        Assert.All(result.Checks, c => Assert.Equal(CheckOutcome.Passed, c.Outcome));
        Assert.Contains(LocalSeed.CachePolicyId, File.ReadAllText(local.SnapshotPath!));
    }

    public void Dispose()
    {
        if (Directory.Exists(_options.Directory))
        {
            Directory.Delete(_options.Directory, recursive: true);
        }
    }
}
