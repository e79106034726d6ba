using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Targets;

/// <summary>What a distribution does today, read before it becomes a target; <see cref="Refusal"/> says why nothing was read.</summary>
public sealed record DistributionReading(string DistributionId, GeoRestrictionSetting? GeoRestriction, IReadOnlyList<FunctionAssociation> Associations, string? Refusal)
{
    /// <summary>The geo restriction as a document's geo section enforced by the distribution; null when it has none.</summary>
    public GeoSettings? AdoptableGeo => GeoRestriction is { RestrictionType: "whitelist" or "blacklist" } geo
        ? new GeoSettings
        {
            Mode = geo.RestrictionType == "whitelist" ? GeoMode.Allow : GeoMode.Block,
            // CloudFront's order, so the first publish writes the list back exactly as it was.
            Countries = [.. geo.Locations],
            Enforce = GeoEnforcement.Distribution,
        }
        : null;

    /// <summary>"allows only US, CA", "blocks RU", or "none".</summary>
    public string GeoSentence => GeoRestriction switch
    {
        { RestrictionType: "whitelist" } g => $"allows only {string.Join(", ", g.Locations)}",
        { RestrictionType: "blacklist" } g => $"blocks {string.Join(", ", g.Locations)}",
        _ => "none",
    };
}

/// <summary>
/// Adopting an existing distribution: reads its configuration (GetDistributionConfig, through the same clients and
/// retry layer as the preflight) so the page can show its geo restriction and the Lambda versions its behaviours run,
/// and offer that restriction as the new target's first revision. It only reads.
/// </summary>
public sealed class DistributionAdoption(IShippingClientFactory clients, LocalTargetOptions localOptions, AwsEndpointsOptions endpoints)
{
    public async Task<DistributionReading> ReadAsync(TargetInput input, CancellationToken cancellationToken = default)
    {
        var distributionId = input.DistributionId?.Trim() ?? "";
        var problems = TargetValidation.Problems(input, [], adding: false);
        string[] needed = [nameof(TargetInput.DistributionId), nameof(TargetInput.FunctionName), nameof(TargetInput.RoleArn), nameof(TargetInput.ExternalId)];
        if (needed.Select(problems.GetValueOrDefault).FirstOrDefault(p => p is not null) is { } problem)
        {
            return new DistributionReading(distributionId, null, [], problem);
        }
        var unsaved = new Data.Target
        {
            Id = string.IsNullOrWhiteSpace(input.Id) ? "new-target" : input.Id.Trim(),
            DisplayName = input.DisplayName,
            Kind = Edge.Publishing.TargetKind.Aws,
            FunctionName = input.FunctionName?.Trim(),
            DistributionId = distributionId,
            SettingsJson = System.Text.Json.JsonSerializer.Serialize(new TargetSettings { RoleArn = input.RoleArn, ExternalId = input.ExternalId }),
        };
        try
        {
            var described = TargetSettings.Describe(unsaved, localOptions, endpoints.ToTargetEndpoints());
            var reads = Edge.Preflight.PreflightReads.Standalone();
            var config = await reads.ReadAsync("GetDistributionConfig",
                token => clients.Create(described).CloudFront.GetDistributionConfigAsync(distributionId, token), cancellationToken);
            return new DistributionReading(distributionId,
                DistributionConfigEditor.ReadGeoRestriction(config.DistributionConfigXml),
                DistributionConfigEditor.ReadAssociations(config.DistributionConfigXml), null);
        }
        catch (AwsServiceException refused)
        {
            return new DistributionReading(distributionId, null, [], $"Could not read distribution {distributionId}: {AwsErrorSentences.Describe(refused.Service, refused.Code, refused.Message)}");
        }
        catch (Exception error) when (error is PublishFailedException or Amazon.Runtime.AmazonClientException)
        {
            return new DistributionReading(distributionId, null, [], $"Could not read distribution {distributionId}: {error.Message}");
        }
    }
}
