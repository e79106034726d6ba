namespace EdgePortal.Edge.Shipping;

/// <summary>The country restriction CloudFront applies before any function runs.</summary>
/// <param name="RestrictionType"><c>whitelist</c>, <c>blacklist</c> or <c>none</c>.</param>
/// <param name="Locations">ISO 3166-1 alpha-2 codes; empty for <c>none</c>.</param>
public sealed record GeoRestrictionSetting(string RestrictionType, IReadOnlyList<string> Locations)
{
    public static GeoRestrictionSetting None { get; } = new("none", []);
}

/// <summary>
/// What publishing changes in a distribution config, and nothing else: the origin-request and origin-response
/// functions of some cache behaviours, and (optionally) the geo restriction.
/// </summary>
public sealed record DistributionConfigChange
{
    /// <summary>Cache behaviours to change: <c>*</c> is the default behaviour, anything else a PathPattern.</summary>
    public required IReadOnlyList<string> CacheBehaviors { get; init; }

    /// <summary>Qualified version ARN for origin-request; null removes that association.</summary>
    public string? OriginRequestFunctionArn { get; init; }

    /// <summary>Qualified version ARN for origin-response; null removes that association.</summary>
    public string? OriginResponseFunctionArn { get; init; }

    /// <summary>Null leaves the geo restriction as it is.</summary>
    public GeoRestrictionSetting? GeoRestriction { get; init; }
}
