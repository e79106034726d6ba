namespace EdgePortal.Rules.Document;

/// <summary>
/// The rules document (<c>edgeportal.rules/v1</c>): everything an operator publishes to the edge for one target.
/// Optional values are null when absent, so that writing what was read keeps the document as it was;
/// the <c>Effective…</c> members give the value that applies.
/// </summary>
public sealed record RulesDocument
{
    /// <summary>The only schema this version reads and writes.</summary>
    public const string SchemaV1 = "edgeportal.rules/v1";

    public string Schema { get; init; } = SchemaV1;

    public GeoSettings? Geo { get; init; }

    public BlockedResponse? BlockedResponse { get; init; }

    public EquatableArray<AccessRule> Access { get; init; } = [];

    public EquatableArray<RedirectRule> Redirects { get; init; } = [];

    public EquatableArray<OriginRule> Origins { get; init; } = [];

    public EquatableArray<CacheRule> Cache { get; init; } = [];

    /// <summary>The empty document: valid, and changes nothing at the edge.</summary>
    public static RulesDocument Empty { get; } = new();

    /// <summary>The geo section with its defaults applied.</summary>
    public GeoSettings EffectiveGeo => Geo ?? new GeoSettings();

    /// <summary>The blocked response with its defaults applied.</summary>
    public BlockedResponse EffectiveBlockedResponse => BlockedResponse ?? new BlockedResponse();

    /// <summary>Total number of rules over all sections.</summary>
    public int RuleCount => Access.Count + Redirects.Count + Origins.Count + Cache.Count;
}

/// <summary>The <c>geo</c> section.</summary>
public sealed record GeoSettings
{
    public GeoMode? Mode { get; init; }

    public EquatableArray<string> Countries { get; init; } = [];

    public UnknownCountryAction? UnknownCountry { get; init; }

    public GeoEnforcement? Enforce { get; init; }

    public GeoMode EffectiveMode => Mode ?? GeoMode.Off;

    public UnknownCountryAction EffectiveUnknownCountry => UnknownCountry ?? UnknownCountryAction.Allow;

    public GeoEnforcement EffectiveEnforce => Enforce ?? GeoEnforcement.Handler;

    /// <summary>True when the handler itself must apply the geo section.</summary>
    public bool EnforcedByHandler => EffectiveMode != GeoMode.Off && EffectiveEnforce != GeoEnforcement.Distribution;

    /// <summary>True when publishing must set CloudFront's geo restriction on the distribution.</summary>
    public bool EnforcedByDistribution => EffectiveMode != GeoMode.Off && EffectiveEnforce != GeoEnforcement.Handler;
}

/// <summary>The <c>blockedResponse</c> section: what a blocked viewer gets.</summary>
public sealed record BlockedResponse
{
    public const int DefaultStatus = 403;
    public const string DefaultContentType = "text/plain; charset=utf-8";
    public const string DefaultBody = "This content is not available in your country.";
    public const int DefaultCacheSeconds = 60;
    /// <summary>Largest body, in UTF-8 bytes.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    public int? Status { get; init; }

    public string? ContentType { get; init; }

    public string? Body { get; init; }

    public int? CacheSeconds { get; init; }

    public int EffectiveStatus => Status ?? DefaultStatus;

    public string EffectiveContentType => ContentType ?? DefaultContentType;

    public string EffectiveBody => Body ?? DefaultBody;

    public int EffectiveCacheSeconds => CacheSeconds ?? DefaultCacheSeconds;
}
