using System.Globalization;
using System.Security.Claims;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Preflight;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Lint;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>What Test connection found: the checks, or why none ran.</summary>
public sealed record TargetCheckReport(string TargetId, PreflightResult? Result, string? Refusal)
{
    public bool Passed => Result is { Passed: true };
}

/// <summary>
/// Test connection and <c>targets check</c>: the same preflight every publish starts with, against the document the
/// next publish would carry (the target's newest revision) and its package. It only reads, so anyone signed in may run it.
/// </summary>
public sealed class TargetCheckService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IHandlerBuilder builder,
    IShippingClientFactory clients,
    LocalTargetOptions localOptions,
    AwsEndpointsOptions endpoints)
{
    public static bool MayCheck(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public async Task<TargetCheckReport> CheckAsync(ClaimsPrincipal user, string targetId, CancellationToken cancellationToken = default) =>
        MayCheck(user)
            ? await CheckAsync(targetId, cancellationToken)
            : new TargetCheckReport(targetId, null, "Sign in to test a target's connection.");

    /// <summary>For the command line, which acts as the machine's operator.</summary>
    public async Task<TargetCheckReport> CheckAsync(string targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return new TargetCheckReport(targetId, null, $"There is no target '{targetId}'.");
        }
        var revision = await db.Revisions.AsNoTracking().Where(r => r.TargetId == targetId)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        try
        {
            var described = TargetSettings.Describe(target, localOptions, endpoints.ToTargetEndpoints());
            var document = revision is null ? RulesDocument.Empty : DocumentCodec.ReadStored(revision.DocumentJson);
            var package = revision is null ? null
                : PackageSize.Of(builder.Build(document, revision.Id.ToString(CultureInfo.InvariantCulture), revision.Sha256, HandlerSizeLimit.For(described.EventTypes)).Zip);
            var result = await PreflightCheck.RunAsync(described, clients.Create(described), CacheKeyNeeds.Of(document), package, cancellationToken);
            return new TargetCheckReport(targetId, result, null);
        }
        catch (Exception error) when (error is InvalidOperationException or PublishFailedException or Amazon.Runtime.AmazonClientException)
        {
            // An incomplete target, no credentials, or AWS still failing after the retries: nothing was learned about the target.
            return new TargetCheckReport(targetId, null, $"Could not test {targetId}: {error.Message}");
        }
    }
}
