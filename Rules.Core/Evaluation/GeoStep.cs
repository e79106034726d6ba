using EdgePortal.Rules.Document;
using EdgePortal.Rules.Matching;

namespace EdgePortal.Rules.Evaluation;

/// <summary>Step 1 of origin-request: the geo section, when the handler enforces it.</summary>
internal static class GeoStep
{
    public static bool Blocks(GeoSettings geo, string? country, List<TraceStep> trace)
    {
        if (!geo.EnforcedByHandler)
        {
            var why = geo.EffectiveMode == GeoMode.Off ? "geo mode is off" : "geo is enforced by the distribution, not the handler";
            trace.Add(new TraceStep(TraceStage.Geo, $"Geo does not decide here: {why}."));
            return false;
        }
        if (country is null)
        {
            var blocked = geo.EffectiveUnknownCountry == UnknownCountryAction.Block;
            trace.Add(new TraceStep(TraceStage.Geo, $"The request carries no country; unknownCountry is {(blocked ? "block" : "allow")}, so geo {(blocked ? "blocks it" : "lets it pass")}."));
            return blocked;
        }
        var listed = ViewerCountry.IsListed(geo.Countries, country);
        var blocks = geo.EffectiveMode == GeoMode.Allow ? !listed : listed;
        var list = ViewerCountry.Describe(geo.Countries);
        var sentence = (geo.EffectiveMode, listed) switch
        {
            (GeoMode.Allow, true) => $"Geo allows only {list}; {country} is listed, so it passes.",
            (GeoMode.Allow, false) => $"Geo allows only {list}; {country} is not listed, so it is blocked.",
            (_, true) => $"Geo blocks {list}; {country} is listed, so it is blocked.",
            _ => $"Geo blocks {list}; {country} is not listed, so it passes.",
        };
        trace.Add(new TraceStep(TraceStage.Geo, sentence));
        return blocks;
    }
}

/// <summary>Step 2 of origin-request: the first access rule whose path matches decides alone.</summary>
internal static class AccessStep
{
    /// <summary>The access rule that blocks the request, or null when it may go on.</summary>
    public static AccessRule? Blocks(RulesDocument document, string uri, string? country, List<TraceStep> trace)
    {
        foreach (var rule in document.Access)
        {
            if (!PathPattern.IsMatch(rule.Path, uri))
            {
                continue;
            }
            bool blocked;
            string sentence;
            var list = ViewerCountry.Describe(rule.Countries);
            if (country is null)
            {
                blocked = document.EffectiveGeo.EffectiveUnknownCountry == UnknownCountryAction.Block;
                sentence = $"Access rule {rule.Id} matches {rule.Path}; the request carries no country and unknownCountry is {(blocked ? "block, so it is blocked" : "allow, so it passes")}.";
            }
            else
            {
                var listed = ViewerCountry.IsListed(rule.Countries, country);
                blocked = rule.EffectiveMode == AccessMode.Allow ? !listed : listed;
                var verb = rule.EffectiveMode == AccessMode.Allow ? "allows only" : "blocks";
                sentence = $"Access rule {rule.Id} matches {rule.Path} and {verb} {list}; {country} is {(listed ? "listed" : "not listed")}, so it {(blocked ? "is blocked" : "passes")}.";
            }
            trace.Add(new TraceStep(TraceStage.Access, sentence, rule.Id, rule.Path));
            return blocked ? rule : null;
        }
        trace.Add(new TraceStep(TraceStage.Access, document.Access.IsEmpty ? "There is no access rule." : $"No access rule matches (of {document.Access.Count})."));
        return null;
    }
}
