using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// Brings the deployments an older portal kept as JSON files (<c>&lt;data&gt;/deployments</c>) into the database,
/// once: a deployment already stored is skipped, so every start may run it. The files stay where they are, read
/// only; nothing writes deployment files any more. Their lock files are not imported: a deployment left running
/// takes its target's lock again when the worker resumes it.
/// </summary>
public sealed class DeploymentFileImport(PortalPaths paths, DatabaseDeploymentStore store, TimeProvider time, ILogger<DeploymentFileImport> logger)
{
    public string Directory => Path.Combine(paths.DataDirectory, "deployments");

    /// <summary>How many deployments were added this time.</summary>
    public async Task<int> ImportAsync(CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "deployments")))
        {
            return 0;
        }
        var files = new FileDeploymentStore(Directory, time);
        var added = 0;
        foreach (var deployment in await files.ListAllAsync(cancellationToken))
        {
            if (await store.AddExistingAsync(deployment, await files.LoadLogAsync(deployment.Id, cancellationToken), cancellationToken))
            {
                added++;
            }
        }
        if (added > 0)
        {
            logger.LogInformation("Imported {Count} deployment(s) from {Directory} into the database", added, Directory);
        }
        return added;
    }
}
