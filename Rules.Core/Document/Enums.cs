namespace EdgePortal.Rules.Document;

/// <summary><c>geo.mode</c>: which countries may enter at all.</summary>
public enum GeoMode
{
    /// <summary>No country restriction (the default).</summary>
    Off,
    /// <summary>Only the listed countries may enter.</summary>
    Allow,
    /// <summary>The listed countries may not enter.</summary>
    Block,
}

/// <summary><c>geo.unknownCountry</c>: what happens to a request that carries no country.</summary>
public enum UnknownCountryAction
{
    Allow,
    Block,
}

/// <summary><c>geo.enforce</c>: who enforces the geo section.</summary>
public enum GeoEnforcement
{
    /// <summary>The handler answers with the blocked response (the default).</summary>
    Handler,
    /// <summary>CloudFront's own geo restriction on the distribution, set at publish.</summary>
    Distribution,
    /// <summary>Both of the above.</summary>
    Both,
}

/// <summary><c>access[].mode</c>.</summary>
public enum AccessMode
{
    /// <summary>Every country outside the list is blocked.</summary>
    Allow,
    /// <summary>Every listed country is blocked.</summary>
    Block,
}

/// <summary><c>cache[].mode</c>.</summary>
public enum CacheMode
{
    /// <summary>Replace whatever <c>Cache-Control</c> the origin sent (the default).</summary>
    Override,
    /// <summary>Set <c>Cache-Control</c> only when the origin sent none.</summary>
    Default,
}

/// <summary><c>origins[].protocol</c>: how the edge connects to the new origin.</summary>
public enum OriginProtocol
{
    /// <summary>TLS (the default).</summary>
    Https,
    /// <summary>Plain HTTP: allowed only with <c>allowInsecure: true</c>.</summary>
    Http,
}
