using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Merge;

/// <summary>
/// <c>geo</c> and <c>blockedResponse</c>, field by field: one side changing the mode and the other the
/// countries is no conflict. An absent section reads as one with every field absent.
/// </summary>
internal static class FieldMerge
{
    public static GeoSettings? Geo(MergeRun run, GeoSettings? @base, GeoSettings? theirs, GeoSettings? yours)
    {
        if (Whole(@base, theirs, yours, out var whole))
        {
            return whole;
        }
        GeoSettings b = @base ?? new(), t = theirs ?? new(), y = yours ?? new();
        return new GeoSettings
        {
            Mode = run.Pick(b.Mode, t.Mode, y.Mode, Conflict<GeoMode?>(MergeArea.Geo, "geo", "mode")),
            Countries = run.Pick(b.Countries, t.Countries, y.Countries, Conflict<EquatableArray<string>>(MergeArea.Geo, "geo", "countries")),
            UnknownCountry = run.Pick(b.UnknownCountry, t.UnknownCountry, y.UnknownCountry, Conflict<UnknownCountryAction?>(MergeArea.Geo, "geo", "unknownCountry")),
            Enforce = run.Pick(b.Enforce, t.Enforce, y.Enforce, Conflict<GeoEnforcement?>(MergeArea.Geo, "geo", "enforce")),
        };
    }

    public static BlockedResponse? Blocked(MergeRun run, BlockedResponse? @base, BlockedResponse? theirs, BlockedResponse? yours)
    {
        if (Whole(@base, theirs, yours, out var whole))
        {
            return whole;
        }
        BlockedResponse b = @base ?? new(), t = theirs ?? new(), y = yours ?? new();
        const string area = "blockedResponse";
        return new BlockedResponse
        {
            Status = run.Pick(b.Status, t.Status, y.Status, Conflict<int?>(MergeArea.BlockedResponse, area, "status")),
            ContentType = run.Pick(b.ContentType, t.ContentType, y.ContentType, Conflict<string?>(MergeArea.BlockedResponse, area, "contentType")),
            Body = run.Pick(b.Body, t.Body, y.Body, Conflict<string?>(MergeArea.BlockedResponse, area, "body")),
            CacheSeconds = run.Pick(b.CacheSeconds, t.CacheSeconds, y.CacheSeconds, Conflict<int?>(MergeArea.BlockedResponse, area, "cacheSeconds")),
        };
    }

    public static string Schema(MergeRun run, string @base, string theirs, string yours) =>
        run.Pick(@base, theirs, yours, (b, t, y) => new MergeConflict("schema", MergeArea.Document, null, "schema", b, t, y));

    // Whole-section answers first, so that an untouched side keeps its section exactly (absent stays absent).
    private static bool Whole<T>(T? @base, T? theirs, T? yours, out T? taken)
        where T : class
    {
        taken = Equals(theirs, @base) ? yours : theirs;
        return Equals(theirs, @base) || Equals(yours, @base) || Equals(theirs, yours);
    }

    private static Func<T, T, T, MergeConflict> Conflict<T>(MergeArea area, string prefix, string field) =>
        (b, t, y) => new MergeConflict($"{prefix}/{field}", area, null, field, b, t, y);
}
