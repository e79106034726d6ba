using System.Text.Json;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Document.Json;

/// <summary>Reads a parsed JSON value into a <see cref="RulesDocument"/>, recording every structural problem.</summary>
internal static class DocumentReader
{
    public static RulesDocument? Read(JsonElement root, List<Problem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new Problem("", $"a rules document must be a JSON object such as {{\"schema\": \"{RulesDocument.SchemaV1}\"}}, not {JsonValues.Describe(root)}"));
            return null;
        }
        var reader = new ObjectReader(root, "", JsonShape.Document, problems);
        return new RulesDocument
        {
            // An absent schema is read as empty so that the validator names it.
            Schema = reader.String("schema") ?? "",
            Geo = reader.Object("geo", ReadGeo),
            BlockedResponse = reader.Object("blockedResponse", ReadBlockedResponse),
            Access = reader.Rules("access", ReadAccess),
            Redirects = reader.Rules("redirects", ReadRedirect),
            Origins = reader.Rules("origins", ReadOrigin),
            Cache = reader.Rules("cache", ReadCache),
        };
    }

    /// <summary>How many rules the sections hold, counting only arrays (what the reader would read as rules).</summary>
    public static long CountRules(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }
        long count = 0;
        foreach (var section in RuleSections.All)
        {
            if (root.TryGetProperty(section.JsonName(), out var rules) && rules.ValueKind == JsonValueKind.Array)
            {
                count += rules.GetArrayLength();
            }
        }
        return count;
    }

    private static GeoSettings ReadGeo(ObjectReader geo) => new()
    {
        Mode = geo.Enum("mode", JsonEnums.GeoModes),
        Countries = geo.Countries("countries"),
        UnknownCountry = geo.Enum("unknownCountry", JsonEnums.UnknownCountryActions),
        Enforce = geo.Enum("enforce", JsonEnums.Enforcements),
    };

    private static BlockedResponse ReadBlockedResponse(ObjectReader blocked) => new()
    {
        Status = blocked.Int("status", Limits.BlockedStatus),
        ContentType = blocked.String("contentType"),
        Body = blocked.String("body"),
        CacheSeconds = blocked.Int("cacheSeconds", Limits.Seconds),
    };

    private static AccessRule ReadAccess(ObjectReader rule) => new()
    {
        Id = rule.String("id") ?? "",
        Description = rule.String("description"),
        Path = rule.String("path") ?? "",
        Mode = rule.Enum("mode", JsonEnums.AccessModes),
        Countries = rule.Countries("countries"),
    };

    private static RedirectRule ReadRedirect(ObjectReader rule) => new()
    {
        Id = rule.String("id") ?? "",
        Description = rule.String("description"),
        Path = rule.String("path") ?? "",
        Countries = rule.Countries("countries"),
        Location = rule.String("location") ?? "",
        Status = rule.Int("status", Limits.RedirectStatus),
        AppendPath = rule.Bool("appendPath"),
        KeepQuery = rule.Bool("keepQuery"),
        CacheSeconds = rule.Int("cacheSeconds", Limits.Seconds),
        AllowInsecure = rule.Bool("allowInsecure"),
    };

    private static OriginRule ReadOrigin(ObjectReader rule) => new()
    {
        Id = rule.String("id") ?? "",
        Description = rule.String("description"),
        Path = rule.String("path") ?? "",
        Countries = rule.Countries("countries"),
        DomainName = rule.String("domainName") ?? "",
        OriginPath = rule.String("originPath"),
        Port = rule.Int("port", Limits.Port),
        Protocol = rule.Enum("protocol", JsonEnums.OriginProtocols),
        AllowInsecure = rule.Bool("allowInsecure"),
    };

    private static CacheRule ReadCache(ObjectReader rule) => new()
    {
        Id = rule.String("id") ?? "",
        Description = rule.String("description"),
        Path = rule.String("path") ?? "",
        MaxAge = rule.Int("maxAge", Limits.Seconds),
        SMaxAge = rule.Int("sMaxAge", Limits.Seconds),
        StaleWhileRevalidate = rule.Int("staleWhileRevalidate", Limits.Seconds),
        StaleIfError = rule.Int("staleIfError", Limits.Seconds),
        Public = rule.Bool("public"),
        Private = rule.Bool("private"),
        NoCache = rule.Bool("noCache"),
        NoStore = rule.Bool("noStore"),
        Immutable = rule.Bool("immutable"),
        Mode = rule.Enum("mode", JsonEnums.CacheModes),
    };
}
