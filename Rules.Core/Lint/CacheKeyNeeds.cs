using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Lint;

/// <summary>
/// What a distribution's cache key must hold for the handler's generated answers to be right for every
/// viewer: the viewer's country when answers depend on it, and the query string when an answer carries it.
/// Each reason names the part of the document that asks for it, for sentences an operator can act on.
/// </summary>
/// <param name="CountryReasons">"redirect ca", "access rule bundesliga-live", ...; empty when no answer depends on the country.</param>
/// <param name="QueryReasons">"redirect ca (keeps the query string)", ...; empty when no answer carries the query string.</param>
public sealed record CacheKeyNeeds(EquatableArray<string> CountryReasons, EquatableArray<string> QueryReasons)
{
    /// <summary>A document that reads neither the country nor the query string.</summary>
    public static CacheKeyNeeds None { get; } = new([], []);

    public bool NeedsCountry => !CountryReasons.IsEmpty;

    public bool NeedsQueryString => !QueryReasons.IsEmpty;

    /// <summary>The needs of <paramref name="document"/>. Only redirects read the query string (they may copy it into <c>location</c>).</summary>
    public static CacheKeyNeeds Of(RulesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var country = new List<string>();
        if (document.EffectiveGeo.EnforcedByHandler)
        {
            country.Add("geo (enforced by the handler)");
        }
        country.AddRange(document.Access.Select(a => $"access rule {a.Id}"));
        country.AddRange(document.Redirects.Where(r => !r.Countries.IsEmpty).Select(r => $"redirect {r.Id}"));
        country.AddRange(document.Origins.Where(o => !o.Countries.IsEmpty).Select(o => $"origin rule {o.Id}"));
        var query = document.Redirects.Where(r => r.EffectiveKeepQuery).Select(r => $"redirect {r.Id} (keeps the query string)");
        return new CacheKeyNeeds([.. country], [.. query]);
    }
}
