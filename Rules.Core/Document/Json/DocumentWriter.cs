namespace EdgePortal.Rules.Document.Json;

/// <summary>Writes a <see cref="RulesDocument"/> as canonical JSON, properties in spec order.</summary>
internal static class DocumentWriter
{
    public static string Write(RulesDocument document)
    {
        var json = new CanonicalJsonWriter();
        json.BeginObject();
        json.String("schema", document.Schema);
        if (document.Geo is { } geo)
        {
            json.Name("geo");
            json.BeginObject();
            json.String("mode", JsonEnums.ToJson(geo.Mode, JsonEnums.GeoModes));
            json.InlineStrings("countries", geo.Countries);
            json.String("unknownCountry", JsonEnums.ToJson(geo.UnknownCountry, JsonEnums.UnknownCountryActions));
            json.String("enforce", JsonEnums.ToJson(geo.Enforce, JsonEnums.Enforcements));
            json.EndObject();
        }
        if (document.BlockedResponse is { } blocked)
        {
            json.Name("blockedResponse");
            json.BeginObject();
            json.Number("status", blocked.Status);
            json.String("contentType", blocked.ContentType);
            json.String("body", blocked.Body);
            json.Number("cacheSeconds", blocked.CacheSeconds);
            json.EndObject();
        }
        WriteRules(json, "access", document.Access, (w, r) =>
        {
            w.String("mode", JsonEnums.ToJson(r.Mode, JsonEnums.AccessModes));
            w.InlineStrings("countries", r.Countries);
        });
        WriteRules(json, "redirects", document.Redirects, (w, r) =>
        {
            w.InlineStrings("countries", r.Countries);
            w.String("location", r.Location);
            w.Number("status", r.Status);
            w.Bool("appendPath", r.AppendPath);
            w.Bool("keepQuery", r.KeepQuery);
            w.Number("cacheSeconds", r.CacheSeconds);
            w.Bool("allowInsecure", r.AllowInsecure);
        });
        WriteRules(json, "origins", document.Origins, (w, r) =>
        {
            w.InlineStrings("countries", r.Countries);
            w.String("domainName", r.DomainName);
            w.String("originPath", r.OriginPath);
            w.Number("port", r.Port);
            w.String("protocol", JsonEnums.ToJson(r.Protocol, JsonEnums.OriginProtocols));
            w.Bool("allowInsecure", r.AllowInsecure);
        });
        WriteRules(json, "cache", document.Cache, (w, r) =>
        {
            w.Number("maxAge", r.MaxAge);
            w.Number("sMaxAge", r.SMaxAge);
            w.Number("staleWhileRevalidate", r.StaleWhileRevalidate);
            w.Number("staleIfError", r.StaleIfError);
            w.Bool("public", r.Public);
            w.Bool("private", r.Private);
            w.Bool("noCache", r.NoCache);
            w.Bool("noStore", r.NoStore);
            w.Bool("immutable", r.Immutable);
            w.String("mode", JsonEnums.ToJson(r.Mode, JsonEnums.CacheModes));
        });
        json.EndObject();
        return json.ToString();
    }

    private static void WriteRules<T>(CanonicalJsonWriter json, string section, EquatableArray<T> rules, Action<CanonicalJsonWriter, T> writeRest)
        where T : IRule
    {
        if (rules.IsEmpty)
        {
            return;
        }
        json.Name(section);
        json.BeginArray();
        foreach (var rule in rules)
        {
            json.BeginElementObject();
            json.String("id", rule.Id);
            json.String("description", rule.Description);
            json.String("path", rule.Path);
            writeRest(json, rule);
            json.EndObject();
        }
        json.EndArray();
    }
}
