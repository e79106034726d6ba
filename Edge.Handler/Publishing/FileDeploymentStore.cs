using System.Text;
using System.Text.Json;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Deployments as JSON files under a directory (one per deployment, with its log), for a portal or a
/// command line without a database. Every file is written to a temporary name and renamed, so a crash
/// never leaves half of one. Target locks are files created with CreateNew, which the file system grants
/// to one process only, so the lock holds across processes sharing the directory.
/// </summary>
public sealed class FileDeploymentStore : IDeploymentStore
{
    private static readonly JsonSerializerOptions _json = DeploymentJson.Options;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _deployments;
    private readonly string _locks;
    private readonly TimeProvider _timeProvider;

    public FileDeploymentStore(string directory, TimeProvider timeProvider)
    {
        _deployments = Path.Combine(directory, "deployments");
        _locks = Path.Combine(directory, "locks");
        _timeProvider = timeProvider;
        Directory.CreateDirectory(_deployments);
        Directory.CreateDirectory(_locks);
    }

    public async Task<Deployment> CreateAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var deployment = new Deployment { Id = DeploymentIds.New(now), Request = request, CreatedAt = now, UpdatedAt = now };
        await WriteAsync(new StoredDeployment(deployment, []), cancellationToken);
        return deployment;
    }

    public async Task<Deployment?> LoadAsync(string deploymentId, CancellationToken cancellationToken)
        => (await ReadAsync(deploymentId, cancellationToken))?.Deployment;

    public async Task SaveAsync(Deployment deployment, DeploymentLogEntry entry, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stored = await ReadAsync(deployment.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Deployment '{deployment.Id}' was never created in {_deployments}.");
            await WriteAsync(new StoredDeployment(deployment, [.. stored.Log, entry]), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<DeploymentLogEntry>> LoadLogAsync(string deploymentId, CancellationToken cancellationToken)
        => (await ReadAsync(deploymentId, cancellationToken))?.Log ?? [];

    public async Task<IReadOnlyList<Deployment>> ListByTargetAsync(string targetId, CancellationToken cancellationToken)
        => [.. (await ListAsync(d => d.TargetId == targetId, cancellationToken)).OrderByDescending(d => d.CreatedAt)];

    public async Task<IReadOnlyList<Deployment>> ListUnfinishedAsync(CancellationToken cancellationToken)
        => [.. (await ListAsync(d => !d.IsFinished, cancellationToken)).OrderBy(d => d.CreatedAt)];

    /// <summary>Every deployment in the directory, oldest first (what the portal imports into its database).</summary>
    public async Task<IReadOnlyList<Deployment>> ListAllAsync(CancellationToken cancellationToken)
        => [.. (await ListAsync(_ => true, cancellationToken)).OrderBy(d => d.CreatedAt)];

    private async Task<List<Deployment>> ListAsync(Func<Deployment, bool> wanted, CancellationToken cancellationToken)
    {
        var found = new List<Deployment>();
        foreach (var file in Directory.EnumerateFiles(_deployments, "*.json"))
        {
            var stored = await ReadAsync(Path.GetFileNameWithoutExtension(file), cancellationToken);
            if (stored is not null && wanted(stored.Deployment))
            {
                found.Add(stored.Deployment);
            }
        }
        return found;
    }

    public async Task<TargetLock> TryAcquireTargetLockAsync(string targetId, string deploymentId, CancellationToken cancellationToken)
    {
        var path = LockPath(targetId);
        try
        {
            await using var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await created.WriteAsync(Encoding.UTF8.GetBytes(deploymentId), cancellationToken);
            return new TargetLock(true, deploymentId);
        }
        catch (IOException) when (File.Exists(path))
        {
            var holder = await File.ReadAllTextAsync(path, cancellationToken);
            return new TargetLock(holder == deploymentId, holder);
        }
    }

    public async Task ReleaseTargetLockAsync(string targetId, string deploymentId, CancellationToken cancellationToken)
    {
        var path = LockPath(targetId);
        if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken) == deploymentId)
        {
            File.Delete(path);
        }
    }

    // Target names are free text; the file name must not be.
    private string LockPath(string targetId) => Path.Combine(_locks, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(targetId)) + ".lock");

    private string DeploymentPath(string deploymentId)
    {
        if (deploymentId.Length == 0 || deploymentId.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            throw new ArgumentException($"deploymentId: '{deploymentId}' is not a deployment id.", nameof(deploymentId));
        }
        return Path.Combine(_deployments, deploymentId + ".json");
    }

    private async Task<StoredDeployment?> ReadAsync(string deploymentId, CancellationToken cancellationToken)
    {
        var path = DeploymentPath(deploymentId);
        if (!File.Exists(path))
        {
            return null;
        }
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<StoredDeployment>(stream, _json, cancellationToken);
    }

    private async Task WriteAsync(StoredDeployment stored, CancellationToken cancellationToken)
    {
        var path = DeploymentPath(stored.Deployment.Id);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(stored, _json), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record StoredDeployment(Deployment Deployment, IReadOnlyList<DeploymentLogEntry> Log);
}
