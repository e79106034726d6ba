namespace EdgePortal.Edge.Shipping;

/// <summary>The country restriction CloudFront applies before any function runs.</summary>
/// <param name="RestrictionType"><c>whitelist</c>, <c>blacklist</c> or <c>none</c>.</param>
/// <param name="Locations">ISO 3166-1 alpha-2 codes; empty for <c>none</c>.</param>
public sealed record GeoRestrictionSetting(string RestrictionType, IReadOnlyList<string> Locations)
{
    public static GeoRestrictionSetting None { get; } = new("none", []);
}

/// <summary>
/// What publishing changes in a distribution config, and nothing else: on some cache behaviours, the functions of
/// the event types the target manages, and (optionally) the geo restriction. Associations of any other event type
/// (another team's origin-response function, a viewer-request authoriser) are never touched.
/// </summary>
public sealed record DistributionConfigChange
{
    /// <summary>Cache behaviours to change: <c>*</c> is the default behaviour, anything else a PathPattern.</summary>
    public required IReadOnlyList<string> CacheBehaviors { get; init; }

    /// <summary>
    /// The event types the target manages (<c>origin-request</c>, ...), each with the qualified version ARN it is to
    /// run there; a null ARN removes that event type's association. Event types not named are kept exactly as read.
    /// </summary>
    public required IReadOnlyDictionary<string, string?> Functions { get; init; }

    /// <summary>Null leaves the geo restriction as it is.</summary>
    public GeoRestrictionSetting? GeoRestriction { get; init; }

    /// <summary>The change that points <paramref name="eventTypes"/> of <paramref name="cacheBehaviors"/> at <paramref name="functionArn"/>.</summary>
    public static DistributionConfigChange Associate(IReadOnlyList<string> cacheBehaviors, IEnumerable<string> eventTypes, string functionArn,
        GeoRestrictionSetting? geoRestriction = null) => new()
    {
        CacheBehaviors = cacheBehaviors,
        Functions = eventTypes.Distinct(StringComparer.Ordinal).ToDictionary(e => e, _ => (string?)functionArn, StringComparer.Ordinal),
        GeoRestriction = geoRestriction,
    };
}
