using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Lint;

/// <summary>
/// Something in a valid document that probably does not do what its author meant. Never an error: the
/// document may still be published. <see cref="Code"/> is stable (for filters and tests), <see cref="Pointer"/>
/// a JSON pointer to what it concerns (<c>""</c> for the whole document), <see cref="Message"/> a sentence.
/// </summary>
public sealed record LintWarning(string Code, string Pointer, string Message, RuleSection? Section = null, string? RuleId = null);

/// <summary>The codes <see cref="DocumentLinter"/> reports.</summary>
public static class LintCodes
{
    /// <summary>An earlier rule of the same section matches every request this one would, so it never decides.</summary>
    public const string ShadowedRule = "shadowed-rule";

    /// <summary>A rule of a later step never decides because redirects answer every request it would get.</summary>
    public const string UnreachableRule = "unreachable-rule";

    /// <summary>A redirect or origin rule names countries that geo or an access rule already blocks.</summary>
    public const string BlockedCountries = "blocked-countries";

    /// <summary>Answers depend on the viewer's country: the cache key must hold CloudFront-Viewer-Country.</summary>
    public const string CountrySpecificRules = "country-specific-rules";

    /// <summary>A cache rule that cannot change any response.</summary>
    public const string CacheRuleNoEffect = "cache-rule-no-effect";

    /// <summary>An origin rule's port is the usual one of the other protocol (http to 443, https to 80).</summary>
    public const string OriginPortMismatch = "origin-port-mismatch";

    /// <summary>Geo lists countries while its mode is off.</summary>
    public const string GeoCountriesIgnored = "geo-countries-ignored";

    /// <summary>Geo lets in only the listed countries and lists none.</summary>
    public const string GeoBlocksEveryone = "geo-blocks-everyone";

    /// <summary>How unknownCountry acts when the distribution enforces geo.</summary>
    public const string GeoUnknownCountry = "geo-unknown-country";
}
