using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Local;

/// <summary>
/// The local target: Lambda and CloudFront in-process on the simulation the emulator serves, saved
/// as JSON under a directory after every change so versions, associations and invalidations survive
/// a restart of the portal. Errors come out exactly as the HTTP clients raise them.
/// </summary>
public sealed class LocalAws : ILambdaClient, ICloudFrontClient, IIamClient
{
    public const string SnapshotFileName = "simulation.json";

    private readonly Lock _saveGate = new();
    private readonly string? _directory;

    /// <param name="simulation">The state; see <see cref="LocalTarget.Open"/> for one loaded from disk.</param>
    /// <param name="directory">Where to save after each change; null keeps it in memory (tests).</param>
    public LocalAws(AwsSimulation simulation, string? directory)
    {
        Simulation = simulation;
        _directory = directory;
    }

    public AwsSimulation Simulation { get; }

    public string? SnapshotPath => _directory is null ? null : Path.Combine(_directory, SnapshotFileName);

    /// <summary>Raised after every change (a code update, a version, a config write, an invalidation), for a page that watches.</summary>
    public event EventHandler? Changed;

    public Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, string? qualifier, CancellationToken cancellationToken)
        => Answer(() => Simulation.Lambda.GetFunctionConfiguration(functionName, qualifier).ToConfiguration(), save: false);

    public Task<FunctionConfiguration> UpdateFunctionCodeAsync(string functionName, byte[] zipFile, string? revisionId, CancellationToken cancellationToken)
        => Answer(() => Simulation.Lambda.UpdateFunctionCode(functionName, zipFile, revisionId).ToConfiguration(), save: true);

    public Task<FunctionConfiguration> PublishVersionAsync(string functionName, string codeSha256, string? description, string? revisionId, CancellationToken cancellationToken)
        => Answer(() => Simulation.Lambda.PublishVersion(functionName, codeSha256, description, revisionId).ToConfiguration(), save: true);

    public Task<IReadOnlyList<FunctionConfiguration>> ListVersionsByFunctionAsync(string functionName, CancellationToken cancellationToken)
        => Answer<IReadOnlyList<FunctionConfiguration>>(() =>
        {
            var all = new List<FunctionConfiguration>();
            string? marker = null;
            do
            {
                var page = Simulation.Lambda.ListVersionsByFunction(functionName, marker, null);
                all.AddRange(page.Versions.Select(v => v.ToConfiguration()));
                marker = page.NextMarker;
            }
            while (marker is not null);
            return all;
        }, save: false);

    public Task DeleteFunctionAsync(string functionName, string qualifier, CancellationToken cancellationToken)
        => Answer(() =>
        {
            Simulation.Lambda.DeleteFunction(functionName, qualifier);
            return true;
        }, save: true);

    public Task<DistributionConfigSnapshot> GetDistributionConfigAsync(string distributionId, CancellationToken cancellationToken)
        => Answer(() =>
        {
            var (xml, etag) = Simulation.CloudFront.GetDistributionConfig(distributionId);
            return new DistributionConfigSnapshot(xml, etag);
        }, save: false);

    public Task<string> UpdateDistributionAsync(string distributionId, string distributionConfigXml, string ifMatch, CancellationToken cancellationToken)
        => Answer(() => Simulation.CloudFront.UpdateDistribution(distributionId, distributionConfigXml, ifMatch).ETag, save: true);

    public Task<DistributionStatus> GetDistributionAsync(string distributionId, CancellationToken cancellationToken)
        => Answer(() =>
        {
            var view = Simulation.CloudFront.GetDistribution(distributionId);
            return new DistributionStatus(view.Id, view.Status, view.ETag);
        }, save: false);

    public Task<InvalidationStatus> CreateInvalidationAsync(string distributionId, IReadOnlyList<string> paths, string callerReference, CancellationToken cancellationToken)
        => Answer(() => Status(Simulation.CloudFront.CreateInvalidation(distributionId, paths, callerReference).Invalidation), save: true);

    public Task<InvalidationStatus> GetInvalidationAsync(string distributionId, string invalidationId, CancellationToken cancellationToken)
        => Answer(() => Status(Simulation.CloudFront.GetInvalidation(distributionId, invalidationId)), save: false);

    public Task<CachePolicy> GetCachePolicyAsync(string cachePolicyId, CancellationToken cancellationToken)
        => Answer(() =>
        {
            var (policy, _) = Simulation.CloudFront.GetCachePolicy(cachePolicyId);
            return new CachePolicy(policy.Id, policy.Name, policy.MaxTtl, policy.HeaderBehavior, [.. policy.Headers],
                policy.QueryStringBehavior, [.. policy.QueryStrings]);
        }, save: false);

    public Task<IamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken)
        => Answer(() =>
        {
            var role = Simulation.Iam.GetRole(roleName);
            return new IamRole(role.Name, Simulation.Iam.ArnOf(role.Name), role.AssumeRolePolicyDocument);
        }, save: false);

    /// <summary>Saves the simulation now: a temporary file renamed over the old one, so a crash never leaves half a file.</summary>
    public void Save()
    {
        if (_directory is null)
        {
            return;
        }
        lock (_saveGate)
        {
            Directory.CreateDirectory(_directory);
            var path = Path.Combine(_directory, SnapshotFileName);
            var temporary = Path.Combine(_directory, $"{SnapshotFileName}.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(temporary, Simulation.ToJson());
            File.Move(temporary, path, overwrite: true);
        }
    }

    private static InvalidationStatus Status(InvalidationView view) => new(view.Id, view.Status, view.CallerReference, view.Paths);

    private Task<T> Answer<T>(Func<T> operation, bool save)
    {
        try
        {
            var result = operation();
            if (save)
            {
                Save();
                Changed?.Invoke(this, EventArgs.Empty);
            }
            return Task.FromResult(result);
        }
        catch (SimulationException refusal)
        {
            return Task.FromException<T>(refusal.ToServiceException());
        }
    }
}
