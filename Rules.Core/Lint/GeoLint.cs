using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Lint;

/// <summary>Geo settings that do not do what they seem to.</summary>
internal static class GeoLint
{
    public static void Check(RulesDocument document, List<LintWarning> warnings)
    {
        var geo = document.EffectiveGeo;
        if (geo.EffectiveMode == GeoMode.Off && !geo.Countries.IsEmpty)
        {
            warnings.Add(new LintWarning(LintCodes.GeoCountriesIgnored, "/geo/countries",
                $"Geo lists {string.Join(", ", geo.Countries)} but its mode is off: the list has no effect."));
        }
        if (geo.EffectiveMode == GeoMode.Allow && geo.Countries.IsEmpty)
        {
            warnings.Add(new LintWarning(LintCodes.GeoBlocksEveryone, "/geo/countries",
                "Geo lets in only the listed countries but lists none: every viewer with a country is blocked."));
        }
        if (geo.EffectiveMode == GeoMode.Off || geo.EffectiveEnforce != GeoEnforcement.Distribution)
        {
            return;
        }
        var unknown = JsonName(geo.EffectiveUnknownCountry);
        if (!document.Access.IsEmpty)
        {
            warnings.Add(new LintWarning(LintCodes.GeoUnknownCountry, "/geo/unknownCountry",
                $"Geo is enforced by the distribution, yet unknownCountry ({unknown}) still decides access rules for requests without a country."));
        }
        else if (geo.EffectiveUnknownCountry == UnknownCountryAction.Block)
        {
            warnings.Add(new LintWarning(LintCodes.GeoUnknownCountry, "/geo/unknownCountry",
                "unknownCountry is block, but geo is enforced by the distribution, which cannot block requests without a country, and there is no access rule: it has no effect."));
        }
    }

    private static string JsonName(UnknownCountryAction action) => action == UnknownCountryAction.Block ? "block" : "allow";
}
