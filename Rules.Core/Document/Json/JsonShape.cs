namespace EdgePortal.Rules.Document.Json;

/// <summary>
/// The properties each object of the document may have, in canonical (spec) order. The reader uses
/// them to reject unknown properties, the writer writes in this order, and problems are sorted by it.
/// </summary>
internal sealed record JsonShape(string Noun, IReadOnlyList<string> Properties)
{
    private static readonly Dictionary<string, JsonShape> _noChildren = [];

    public static readonly JsonShape Geo = new("geo", ["mode", "countries", "unknownCountry", "enforce"]);

    public static readonly JsonShape BlockedResponse = new("blockedResponse", ["status", "contentType", "body", "cacheSeconds"]);

    public static readonly JsonShape AccessRule = new("an access rule", ["id", "description", "path", "mode", "countries"]);

    public static readonly JsonShape RedirectRule = new("a redirect",
        ["id", "description", "path", "countries", "location", "status", "appendPath", "keepQuery", "cacheSeconds", "allowInsecure"]);

    public static readonly JsonShape OriginRule = new("an origin rule",
        ["id", "description", "path", "countries", "domainName", "originPath", "port", "protocol", "allowInsecure"]);

    public static readonly JsonShape CacheRule = new("a cache rule",
        ["id", "description", "path", "maxAge", "sMaxAge", "staleWhileRevalidate", "staleIfError",
         "public", "private", "noCache", "noStore", "immutable", "mode"]);

    public static readonly JsonShape Document = new("the document",
        ["schema", "geo", "blockedResponse", "access", "redirects", "origins", "cache"])
    {
        Children = new Dictionary<string, JsonShape>
        {
            ["geo"] = Geo,
            ["blockedResponse"] = BlockedResponse,
            ["access"] = AccessRule,
            ["redirects"] = RedirectRule,
            ["origins"] = OriginRule,
            ["cache"] = CacheRule,
        },
    };

    /// <summary>The shape of an object held by a property (for a list, the shape of its elements).</summary>
    public IReadOnlyDictionary<string, JsonShape> Children { get; init; } = _noChildren;

    /// <summary>The position of a property in canonical order; unknown properties come after every known one.</summary>
    public int RankOf(string property)
    {
        for (var i = 0; i < Properties.Count; i++)
        {
            if (Properties[i] == property)
            {
                return i;
            }
        }
        return Properties.Count;
    }
}
