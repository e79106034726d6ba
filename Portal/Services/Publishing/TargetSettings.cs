using System.Text.Json;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>What publishing reads from a target's <c>SettingsJson</c>; every key optional.</summary>
public sealed record TargetSettings
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public int? MaxInvalidationPaths { get; init; }

    public int? MaxWildcardPaths { get; init; }

    /// <summary>True when the distribution's cache key holds the query string (planning must then invalidate more).</summary>
    public bool QueryStringsInCacheKey { get; init; }

    public string? RoleArn { get; init; }

    public string? ExternalId { get; init; }

    public static TargetSettings Read(Data.Target target) =>
        JsonSerializer.Deserialize<TargetSettings>(string.IsNullOrWhiteSpace(target.SettingsJson) ? "{}" : target.SettingsJson, _json) ?? new();

    public InvalidationLimits PlanningLimits() => new(
        MaxWildcardPaths ?? InvalidationLimits.Default.MaxWildcardPaths,
        MaxInvalidationPaths ?? InvalidationLimits.Default.MaxPaths,
        QueryStringsInCacheKey);

    /// <summary>The publisher's view of a portal target; the local one is the simulation's function and distribution.</summary>
    /// <param name="endpoints">Where AWS targets' clients connect instead of AWS (the emulator); null for AWS.</param>
    public static Edge.Publishing.Target Describe(Data.Target target, LocalTargetOptions local, TargetEndpoints? endpoints = null)
    {
        var settings = Read(target);
        var limits = settings.PlanningLimits();
        var described = target.Kind == TargetKind.Local
            ? Edge.Publishing.Target.ForLocal(local) with { Name = target.Id }
            : new Edge.Publishing.Target
            {
                Name = target.Id,
                FunctionName = target.FunctionName ?? throw new InvalidOperationException($"Target '{target.Id}' has no Lambda function name."),
                DistributionId = target.DistributionId ?? throw new InvalidOperationException($"Target '{target.Id}' has no distribution id."),
                Credentials = new TargetCredentials { RoleArn = settings.RoleArn, ExternalId = settings.ExternalId },
                Endpoints = endpoints,
            };
        return described with
        {
            CacheBehaviors = target.CacheBehaviors.Count == 0 ? [Edge.Publishing.Target.DefaultBehavior] : [.. target.CacheBehaviors],
            EventTypes = target.EventTypes.Count == 0 ? described.EventTypes : [.. target.EventTypes],
            InvalidationLimits = limits,
        };
    }
}
