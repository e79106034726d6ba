using System.Text.Encodings.Web;
using System.Text.Json;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Edge.Build;

/// <summary>
/// Compiles the document into the handler's data: <c>rules.json</c>, a small header (revision, hash, geo,
/// the blocked response, rule counts), and <c>rules.bin</c> (<see cref="RulesBinaryWriter"/>): the
/// column-wise tables the runtime (Runtime/data.mjs, tables.mjs) maps at load. Defaults are applied here
/// so the JavaScript never restates them; country sets and rule targets are shared between rules that
/// repeat them, which keeps 100,000 rules small. Rule ids and descriptions stay out: the handler never needs them.
/// </summary>
public static class RulesTableWriter
{
    /// <summary>Version of the data layout; tables.mjs refuses any other.</summary>
    public const int DataFormat = 3;

    public const string FileName = "rules.json";

    private static readonly JsonWriterOptions _options = new()
    {
        // The data is read by JSON.parse only, never embedded in HTML; keep non-ASCII text as it is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>rules.json, rules.bin, and a function that writes index.bin (<see cref="PathIndexWriter"/>), for the caller to call only when it will ship the index.</summary>
    public sealed record Compiled(byte[] Json, byte[] Binary, Func<byte[]> WriteIndex);

    public static Compiled Write(RulesDocument document, string revisionId, string documentSha256)
    {
        var countrySets = new Interner<string>();
        var json = WriteJson(document, revisionId, documentSha256, countrySets);
        var binary = WriteBinary(document, countrySets);
        // Every set is numbered by now; an empty list takes every request (-1), as layout.mjs reads it.
        int[] Sets<TRule>(EquatableArray<TRule> section)
            where TRule : ICountryRule =>
            [.. section.Select(r => r.Countries.Count == 0 ? -1 : countrySets.Intern(SetKey(r.Countries)))];
        int[] Everyone(int count) => [.. Enumerable.Repeat(-1, count)];
        return new Compiled(json, binary, () => PathIndexWriter.Write(
        [
            [
                new PathIndexWriter.Section([.. document.Access.Select(r => r.Path)], Everyone(document.Access.Count)),
                new PathIndexWriter.Section([.. document.Redirects.Select(r => r.Path)], Sets(document.Redirects)),
                new PathIndexWriter.Section([.. document.Origins.Select(r => r.Path)], Sets(document.Origins)),
            ],
            [new PathIndexWriter.Section([.. document.Cache.Select(r => r.Path)], Everyone(document.Cache.Count))],
        ]));
    }

    private static byte[] WriteJson(RulesDocument document, string revisionId, string documentSha256, Interner<string> countrySets)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, _options))
        {
            json.WriteStartObject();
            json.WriteNumber("format", DataFormat);
            json.WriteString("revision", revisionId);
            json.WriteString("documentSha256", documentSha256);
            WriteGeo(json, document.EffectiveGeo, countrySets);
            WriteBlocked(json, document.EffectiveBlockedResponse);
            json.WriteStartObject("counts");
            json.WriteNumber("access", document.Access.Count);
            json.WriteNumber("redirects", document.Redirects.Count);
            json.WriteNumber("origins", document.Origins.Count);
            json.WriteNumber("cache", document.Cache.Count);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>rules.bin, its columns in the order data.mjs reads them.</summary>
    private static byte[] WriteBinary(RulesDocument document, Interner<string> countrySets)
    {
        List<string> requestPaths = [.. document.Access.Select(r => r.Path), .. document.Redirects.Select(r => r.Path), .. document.Origins.Select(r => r.Path)];
        List<string> responsePaths = [.. document.Cache.Select(r => r.Path)];
        var file = new RulesBinaryWriter(string.Concat(requestPaths), string.Concat(responsePaths));
        int[] SetsOf<TRule>(EquatableArray<TRule> rules)
            where TRule : ICountryRule => [.. rules.Select(r => countrySets.Intern(SetKey(r.Countries)))];
        // Sets first: numbering them all before the bitsets are written.
        var accessSets = SetsOf(document.Access);
        var redirectSets = SetsOf(document.Redirects);
        var originSets = SetsOf(document.Origins);
        var redirectTargets = new Interner<RedirectTarget>();
        var originTargets = new Interner<OriginTarget>();
        var cacheTargets = new Interner<CacheTarget>();
        int[] redirectOf = [.. document.Redirects.Select(r => redirectTargets.Intern(new RedirectTarget(
            r.Location, r.EffectiveStatus, r.EffectiveAppendPath, r.EffectiveKeepQuery, r.EffectiveCacheSeconds)))];
        int[] originOf = [.. document.Origins.Select(r => originTargets.Intern(new OriginTarget(
            r.DomainName, r.OriginPath ?? "", r.EffectivePort, r.EffectiveProtocol == OriginProtocol.Http ? "http" : "https")))];
        int[] cacheOf = [.. document.Cache.Select(r => cacheTargets.Intern(new CacheTarget(NullWhenEmpty(CacheControlHeader.Format(r)), r.EffectiveMode)))];
        file.AddCountrySets([.. countrySets.Items.Select(set => set.Split(' ', StringSplitOptions.RemoveEmptyEntries))]);
        file.AddRange(document.Access.Select(r => r.EffectiveMode == AccessMode.Allow ? 1 : 0));
        file.AddRange(accessSets);
        file.AddRange(redirectSets);
        file.AddRange(redirectOf);
        file.AddRange(originSets);
        file.AddRange(originOf);
        file.AddRange(cacheOf);
        file.AddLengths(requestPaths);
        file.AddLengths(responsePaths);
        foreach (var t in redirectTargets.Items)
        {
            file.AddRange([file.String(t.Location), t.Status, t.AppendPath ? 1 : 0, t.KeepQuery ? 1 : 0, t.CacheSeconds]);
        }
        foreach (var t in originTargets.Items)
        {
            file.AddRange([file.String(t.DomainName), file.String(t.OriginPath), t.Port, t.Protocol == "http" ? 0 : 1]);
        }
        foreach (var t in cacheTargets.Items)
        {
            file.AddRange([file.String(t.Value), t.Mode == CacheMode.Default ? 0 : 1]);
        }
        return file.ToArray(
        [
            RulesBinaryWriter.Format, document.Access.Count, document.Redirects.Count, document.Origins.Count, document.Cache.Count,
            countrySets.Items.Count, redirectTargets.Items.Count, originTargets.Items.Count, cacheTargets.Items.Count,
        ]);
    }

    private static void WriteGeo(Utf8JsonWriter json, GeoSettings geo, Interner<string> countrySets)
    {
        json.WriteString("unknownCountry", geo.EffectiveUnknownCountry == UnknownCountryAction.Block ? "block" : "allow");
        if (!geo.EnforcedByHandler)
        {
            json.WriteNull("geo");
            return;
        }
        json.WriteStartObject("geo");
        json.WriteString("mode", geo.EffectiveMode == GeoMode.Allow ? "allow" : "block");
        json.WriteNumber("countries", countrySets.Intern(SetKey(geo.Countries)));
        json.WriteEndObject();
    }

    private static void WriteBlocked(Utf8JsonWriter json, BlockedResponse blocked)
    {
        json.WriteStartObject("blocked");
        json.WriteNumber("status", blocked.EffectiveStatus);
        json.WriteString("contentType", blocked.EffectiveContentType);
        json.WriteString("body", blocked.EffectiveBody);
        json.WriteNumber("cacheSeconds", blocked.EffectiveCacheSeconds);
        json.WriteEndObject();
    }

    // A rule without directives leaves the origin's header alone; the runtime reads null as that.
    private static string? NullWhenEmpty(string value) => value.Length == 0 ? null : value;

    // Sets compare by content, whatever order the operator listed them in.
    private static string SetKey(EquatableArray<string> countries) =>
        string.Join(' ', countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private sealed record RedirectTarget(string Location, int Status, bool AppendPath, bool KeepQuery, int CacheSeconds);

    // OriginPath "" for none: the new origin's path, as CloudFront spells none.
    private sealed record OriginTarget(string DomainName, string OriginPath, int Port, string Protocol);

    private sealed record CacheTarget(string? Value, CacheMode Mode);
}
