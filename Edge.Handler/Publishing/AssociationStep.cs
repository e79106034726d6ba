using System.Xml;
using System.Xml.Linq;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Step 3: point the target's cache behaviours at the version (and set the geo restriction), written
/// with If-Match. A stale ETag means someone else wrote in between: read again and apply again on top
/// of their change, so theirs is kept. Nothing is written when the config already says it all. Only the
/// event types the target names are touched.
/// </summary>
internal static class AssociationStep
{
    public static async Task<StepOutcome> RunAsync(PublishRun run, CancellationToken cancellationToken)
    {
        var cloudFront = run.Clients.CloudFront;
        var id = run.Target.DistributionId;
        var arn = run.Deployment.VersionArn
            ?? throw new PublishFailedException("The association step has no version to associate; the version step did not record one.");
        for (var attempt = 1; attempt <= run.Options.MaxConfigWriteAttempts; attempt++)
        {
            var snapshot = await run.Aws.RunAsync("GetDistributionConfig",
                ct => cloudFront.GetDistributionConfigAsync(id, ct), cancellationToken);
            var edited = Edit(run, snapshot.DistributionConfigXml, arn);
            if (edited is null)
            {
                return new StepOutcome(run.Deployment with { ConfigETag = snapshot.ETag },
                    $"Distribution {id} already points at {arn}; nothing written.");
            }
            try
            {
                var etag = await run.Aws.RunAsync("UpdateDistribution",
                    ct => cloudFront.UpdateDistributionAsync(id, edited, snapshot.ETag, ct), cancellationToken);
                return new StepOutcome(run.Deployment with { ConfigETag = etag, AssociationChanged = true },
                    $"Distribution {id} now points {Behaviors(run.Target)} at {arn} (ETag {etag}).");
            }
            catch (PublishFailedException stale) when (stale.Code == AwsErrorCodes.PreconditionFailed)
            {
                await run.NoteAsync(
                    $"Distribution {id} changed since it was read (PreconditionFailed); reading it again ({attempt} of {run.Options.MaxConfigWriteAttempts}).",
                    cancellationToken);
            }
        }
        throw new PublishFailedException(
            $"UpdateDistribution failed: distribution {id} changed under every one of {run.Options.MaxConfigWriteAttempts} writes (PreconditionFailed); someone else keeps editing it.",
            AwsErrorCodes.PreconditionFailed);
    }

    /// <summary>The edited config, or null when it already points at the version (a repeat of this step).</summary>
    private static string? Edit(PublishRun run, string xml, string arn)
    {
        // Only the target's event types: another team's function on another event type stays where it is.
        var change = DistributionConfigChange.Associate(run.Target.CacheBehaviors, run.Target.EventTypes, arn, run.Request.GeoRestriction);
        try
        {
            var edited = DistributionConfigEditor.Apply(xml, change);
            return XNode.DeepEquals(XElement.Parse(xml), XElement.Parse(edited)) ? null : edited;
        }
        catch (Exception error) when (error is ArgumentException or XmlException)
        {
            throw new PublishFailedException($"Distribution {run.Target.DistributionId} cannot be edited: {error.Message}", null, error);
        }
    }

    private static string Behaviors(Target target)
        => string.Join(", ", target.CacheBehaviors.Select(p => p == Target.DefaultBehavior ? "the default behaviour" : $"'{p}'"));
}
