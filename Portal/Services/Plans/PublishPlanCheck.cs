using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Plans;

/// <summary>
/// Whether an approved publish plan still holds: the plan is made again from what is there now and compared part by
/// part. Asked when a publish is requested and again by the worker just before the first AWS write (and by anything
/// else that publishes later, such as a scheduled publish).
/// </summary>
public sealed class PublishPlanCheck(IDbContextFactory<PortalDbContext> dbFactory, PublishPlanner planner)
{
    /// <summary>One sentence for each part of <paramref name="approved"/> that no longer holds; empty when it may be executed.</summary>
    /// <param name="deploymentId">The deployment executing the plan, if it exists yet (it is not counted as something the edge may serve).</param>
    public async Task<IReadOnlyList<string>> CheckAsync(PublishPlan approved, string? deploymentId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == approved.RevisionId && r.TargetId == approved.TargetId, cancellationToken);
        if (revision is null)
        {
            return [$"Revision {approved.RevisionId} of the approved plan is not a revision of {approved.TargetId}."];
        }
        return Compare(approved, (await planner.PlanAsync(revision, deploymentId, cancellationToken)).Plan);
    }

    /// <summary>
    /// The parts of <paramref name="approved"/> that differ in <paramref name="now"/>, causes first. The invalidation and the
    /// distribution change follow from live and the settings, so they are named only when neither of those moved.
    /// </summary>
    public static IReadOnlyList<string> Compare(PublishPlan approved, PublishPlan now)
    {
        var sentences = new List<string>();
        if (approved.DocumentSha256 != now.DocumentSha256)
        {
            sentences.Add($"The document changed since the plan was approved: SHA-256 {Short(approved.DocumentSha256)} was approved, {Short(now.DocumentSha256)} would be published.");
        }
        var liveMoved = approved.LiveRevisionId != now.LiveRevisionId;
        if (liveMoved && approved.BaseRevisionId is not null && approved.BaseRevisionId == approved.LiveRevisionId)
        {
            sentences.Add($"Live moved since the plan was approved: it was based on revision #{approved.BaseRevisionNumber}, and {Live(now)} is live now; the change set must be rebased and approved again.");
        }
        else if (liveMoved)
        {
            sentences.Add($"The live revision changed since the plan was approved: {Live(approved)} then, {Live(now)} now.");
        }
        if (approved.DocumentSha256 == now.DocumentSha256 && approved.CodeSha256 != now.CodeSha256)
        {
            sentences.Add($"The build changed since the plan was approved: a rebuild gives CodeSha256 {now.CodeSha256} ({now.PackageBytes} bytes), the approved plan has {approved.CodeSha256} ({approved.PackageBytes} bytes); the handler builder is not the one that planned it.");
        }
        var settings = approved.Settings.Differences(now.Settings).ToList();
        if (settings.Count > 0)
        {
            sentences.Add($"The target's settings changed since the plan was approved: {string.Join("; ", settings)}.");
        }
        if (liveMoved || settings.Count > 0)
        {
            return sentences;
        }
        if (!approved.InvalidationPaths.Select(p => p.Path).SequenceEqual(now.InvalidationPaths.Select(p => p.Path)))
        {
            sentences.Add($"The invalidation changed since the plan was approved: {Paths(approved)} then, {Paths(now)} now (a deployment since may have put another revision at the edge).");
        }
        if (approved.Distribution.GeoText != now.Distribution.GeoText)
        {
            sentences.Add($"The distribution change differs from the approved plan: geo restriction {approved.Distribution.GeoText} then, {now.Distribution.GeoText} now.");
        }
        return sentences;
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;

    private static string Live(PublishPlan plan) => plan.LiveRevisionNumber is { } number ? $"revision #{number}" : "nothing";

    private static string Paths(PublishPlan plan) => plan.InvalidationPaths.Count == 0
        ? "no path"
        : $"{plan.InvalidationPaths.Count} path(s) ({string.Join(", ", plan.InvalidationPaths.Take(3).Select(p => p.Path))})";
}
