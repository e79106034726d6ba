using System.Text.Json.Nodes;
using EdgePortal.Edge.Node;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Local;

/// <summary>The version a cache behaviour's event points at on the local distribution, with its zip.</summary>
public sealed record LiveVersion(string VersionArn, string Version, string CodeSha256, bool Deployed, byte[] Zip);

/// <summary>
/// "Try a request": runs, under Node.js, exactly the zip of the version the local distribution points at,
/// the way CloudFront would run it for that cache behaviour and event type.
/// </summary>
public sealed class LocalLiveHandler(LocalAws local, LocalTargetOptions options)
{
    /// <summary>What <paramref name="cacheBehavior"/>'s <paramref name="eventType"/> runs now; null when nothing was published.</summary>
    public LiveVersion? Find(string cacheBehavior = "*", string eventType = "origin-request")
    {
        var (configXml, _) = local.Simulation.CloudFront.GetDistributionConfig(options.DistributionId);
        var arn = DistributionConfigEditor.AssociatedFunction(configXml, cacheBehavior, eventType);
        if (arn is null)
        {
            return null;
        }
        var version = local.Simulation.Lambda.GetFunctionConfiguration(arn, null);
        var deployed = local.Simulation.CloudFront.GetDistribution(options.DistributionId).Status == "Deployed";
        return new LiveVersion(arn, version.Version, version.CodeSha256, deployed, local.Simulation.Lambda.GetCode(arn, null));
    }

    /// <summary>
    /// Runs the live handler on a CloudFront event (JSON text); the event's <c>cf.config.eventType</c> picks the
    /// association. Throws <see cref="InvalidOperationException"/> when nothing is associated there yet, and
    /// <see cref="NodeNotFoundException"/> without Node.js.
    /// </summary>
    public async Task<HandlerInvocation> InvokeAsync(string eventJson, string cacheBehavior = "*", CancellationToken cancellationToken = default)
    {
        var eventType = EventType(eventJson);
        var live = Find(cacheBehavior, eventType)
            ?? throw new InvalidOperationException(
                $"Nothing is associated with {eventType} on cache behaviour '{cacheBehavior}' of the local distribution {options.DistributionId} yet: publish a revision to the local target first.");
        await using var host = await NodeHandlerHost.StartFromZipAsync(live.Zip, cancellationToken);
        return await host.InvokeAsync(eventJson, cancellationToken);
    }

    private static string EventType(string eventJson)
    {
        var node = JsonNode.Parse(eventJson);
        return node?["Records"]?[0]?["cf"]?["config"]?["eventType"]?.GetValue<string>()
            ?? throw new ArgumentException("eventJson: expected a CloudFront event with Records[0].cf.config.eventType.", nameof(eventJson));
    }
}
