namespace EdgePortal.Rules.Document.Json;

/// <summary>The JSON spelling of every enum value of the document, both ways.</summary>
internal static class JsonEnums
{
    public static readonly (string Json, GeoMode Value)[] GeoModes =
        [("off", GeoMode.Off), ("allow", GeoMode.Allow), ("block", GeoMode.Block)];

    public static readonly (string Json, UnknownCountryAction Value)[] UnknownCountryActions =
        [("allow", UnknownCountryAction.Allow), ("block", UnknownCountryAction.Block)];

    public static readonly (string Json, GeoEnforcement Value)[] Enforcements =
        [("handler", GeoEnforcement.Handler), ("distribution", GeoEnforcement.Distribution), ("both", GeoEnforcement.Both)];

    public static readonly (string Json, AccessMode Value)[] AccessModes =
        [("allow", AccessMode.Allow), ("block", AccessMode.Block)];

    public static readonly (string Json, CacheMode Value)[] CacheModes =
        [("override", CacheMode.Override), ("default", CacheMode.Default)];

    public static readonly (string Json, OriginProtocol Value)[] OriginProtocols =
        [("https", OriginProtocol.Https), ("http", OriginProtocol.Http)];

    public static string? ToJson<T>(T? value, (string Json, T Value)[] values)
        where T : struct, Enum
    {
        if (value is not { } present)
        {
            return null;
        }
        foreach (var (json, candidate) in values)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, present))
            {
                return json;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(value), present, "no JSON spelling for this value");
    }
}
