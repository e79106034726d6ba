using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.AwsEmulator;

/// <summary>
/// Unsigned, loopback-only controls for tests and people driving the emulator by hand:
/// arm faults, read captured requests, move the clock, read the state.
/// </summary>
public static class AdminEndpoints
{
    public const string Prefix = "/__emulator";

    public sealed record FaultRequest(string Operation, FaultKind Kind, int Count = 1, int? DelayMs = null, int? RetryAfterSeconds = null);

    /// <summary>Function settings to change (null leaves one as it is), for checks of what Lambda@Edge refuses.</summary>
    public sealed record FunctionSettings(string? Runtime, int? Timeout, int? MemorySize, string? PackageType, IReadOnlyList<string>? Architectures,
        IReadOnlyDictionary<string, string>? Environment, IReadOnlyList<string>? Layers);

    /// <summary>A change made outside the portal: point one event type of one cache behaviour at a function (null removes it).</summary>
    public sealed record AssociationChange(string CacheBehavior, string EventType, string? FunctionArn);

    /// <summary>A change made outside the portal: the distribution's geo restriction.</summary>
    public sealed record GeoRestrictionChange(string RestrictionType, IReadOnlyList<string>? Locations);

    public static void Map(IEndpointRouteBuilder app, AwsSimulation simulation, FaultInjector faults, RequestLog log, EmulatorClock clock)
    {
        var admin = app.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)
                ? await next(context)
                : Results.StatusCode(StatusCodes.Status403Forbidden));

        admin.MapPost("/faults", (FaultRequest request) =>
        {
            faults.Add(new Fault(request.Operation, request.Kind, request.Count,
                request.DelayMs is { } delay ? TimeSpan.FromMilliseconds(delay) : null,
                request.RetryAfterSeconds is { } after ? TimeSpan.FromSeconds(after) : null));
            return Results.NoContent();
        });
        admin.MapDelete("/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/requests", () => Results.Json(log.All));
        admin.MapDelete("/requests", () =>
        {
            log.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/clock/advance", (int seconds) =>
        {
            clock.Advance(TimeSpan.FromSeconds(seconds));
            return Results.Json(new { now = clock.GetUtcNow() });
        });
        admin.MapGet("/state", () => Results.Text(simulation.ToJson(), "application/json"));
        admin.MapPost("/functions/{name}/configuration", (string name, FunctionSettings settings) =>
            Results.Json(LambdaEndpoints.ToJson(simulation.Lambda.Configure(name, f => f with
            {
                Runtime = settings.Runtime ?? f.Runtime,
                Timeout = settings.Timeout ?? f.Timeout,
                MemorySize = settings.MemorySize ?? f.MemorySize,
                PackageType = settings.PackageType ?? f.PackageType,
                Architectures = settings.Architectures ?? f.Architectures,
                Environment = settings.Environment ?? f.Environment,
                Layers = settings.Layers ?? f.Layers,
            }))));
        admin.MapPost("/distributions/{id}/associations", (string id, AssociationChange change) =>
            Results.Json(new
            {
                etag = simulation.CloudFront.ChangeOutsidePortal(id, new DistributionConfigChange
                {
                    CacheBehaviors = [change.CacheBehavior],
                    Functions = new Dictionary<string, string?> { [change.EventType] = change.FunctionArn },
                }).ETag,
            }));
        admin.MapPost("/distributions/{id}/geo-restriction", (string id, GeoRestrictionChange change) =>
            Results.Json(new
            {
                etag = simulation.CloudFront.ChangeOutsidePortal(id, new DistributionConfigChange
                {
                    CacheBehaviors = ["*"],
                    Functions = new Dictionary<string, string?>(),
                    GeoRestriction = new GeoRestrictionSetting(change.RestrictionType, change.Locations ?? []),
                }).ETag,
            }));
        admin.MapPost("/distributions/{id}/touch", (string id) => Results.Json(new { etag = simulation.CloudFront.TouchDistribution(id) }));
    }
}
