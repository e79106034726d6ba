using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Invalidation;

/// <summary>
/// Changes outside the rule lists: the geo section and the blocked response. They reach every URI when the
/// handler enforces geo; otherwise only URIs where an access rule can block.
/// </summary>
internal static class GlobalScope
{
    public const string GeoReason = "geo";
    public const string BlockedResponseReason = "blockedResponse";

    public static void Collect(RulesDocument old, RulesDocument @new, List<(string Path, string[] Reasons)> wanted, List<string> notes)
    {
        var accessPaths = old.Access.Concat(@new.Access).Select(a => InvalidationPaths.ForPattern(a.Path)).Distinct().ToList();
        if (!GeoBehaviour(old).Equals(GeoBehaviour(@new)))
        {
            wanted.Add(("/*", [GeoReason]));
            notes.Add("Geo changed which countries the handler blocks: answers may differ at every URI, so /* is planned.");
        }
        else if (old.EffectiveGeo.EffectiveUnknownCountry != @new.EffectiveGeo.EffectiveUnknownCountry)
        {
            // unknownCountry also decides access rules for requests without a country.
            wanted.AddRange(accessPaths.Select(p => (p, new[] { GeoReason })));
        }
        if (!SameResponse(old.EffectiveBlockedResponse, @new.EffectiveBlockedResponse))
        {
            if (old.EffectiveGeo.EnforcedByHandler || @new.EffectiveGeo.EnforcedByHandler)
            {
                wanted.Add(("/*", [BlockedResponseReason]));
                notes.Add("The blocked response changed and the handler enforces geo, so it may be cached at every URI: /* is planned.");
            }
            else
            {
                wanted.AddRange(accessPaths.Select(p => (p, new[] { BlockedResponseReason })));
            }
        }
    }

    private static bool SameResponse(BlockedResponse a, BlockedResponse b) =>
        a.EffectiveStatus == b.EffectiveStatus && a.EffectiveContentType == b.EffectiveContentType
        && a.EffectiveBody == b.EffectiveBody && a.EffectiveCacheSeconds == b.EffectiveCacheSeconds;

    // What the handler's geo step does, reduced so that equal values block the same requests.
    private static (bool Enforced, GeoMode Mode, string Countries, UnknownCountryAction Unknown) GeoBehaviour(RulesDocument document)
    {
        var geo = document.EffectiveGeo;
        return geo.EnforcedByHandler
            ? (true, geo.EffectiveMode, string.Join(",", geo.Countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)), geo.EffectiveUnknownCountry)
            : (false, GeoMode.Off, "", UnknownCountryAction.Allow);
    }
}
