using System.Text.Encodings.Web;
using System.Text.Json;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Edge.Build;

/// <summary>
/// Writes <c>rules.json</c>: the document compiled into the compact, column-wise tables the runtime
/// (Runtime/tables.mjs) indexes at load. Defaults are applied here so the JavaScript never restates them;
/// country sets and rule targets are shared between rules that repeat them, which keeps 100,000 rules small.
/// Rule ids and descriptions stay out: the handler never needs them.
/// </summary>
public static class RulesTableWriter
{
    /// <summary>Version of the data layout; tables.mjs refuses any other.</summary>
    public const int DataFormat = 2;

    public const string FileName = "rules.json";

    private static readonly JsonWriterOptions _options = new()
    {
        // The data is read by JSON.parse only, never embedded in HTML; keep non-ASCII text as it is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static byte[] Write(RulesDocument document, string revisionId, string documentSha256) =>
        Write(document, revisionId, documentSha256, new Interner<string>());

    /// <summary>
    /// rules.json, and a function that writes index.bin (<see cref="PathIndexWriter"/>) with the country
    /// sets numbered alike, for the caller to call only when it will ship the index.
    /// </summary>
    public static (byte[] Rules, Func<byte[]> WriteIndex) WriteWithIndex(RulesDocument document, string revisionId, string documentSha256)
    {
        var countrySets = new Interner<string>();
        var rules = Write(document, revisionId, documentSha256, countrySets);
        // Every set is already numbered by now; an empty list takes every request (-1), as tables.mjs reads it.
        int[] Sets<TRule>(EquatableArray<TRule> section)
            where TRule : ICountryRule =>
            [.. section.Select(r => r.Countries.Count == 0 ? -1 : countrySets.Intern(SetKey(r.Countries)))];
        int[] Everyone(int count) => [.. Enumerable.Repeat(-1, count)];
        return (rules, () => PathIndexWriter.Write(
        [
            [
                new PathIndexWriter.Section([.. document.Access.Select(r => r.Path)], Everyone(document.Access.Count)),
                new PathIndexWriter.Section([.. document.Redirects.Select(r => r.Path)], Sets(document.Redirects)),
                new PathIndexWriter.Section([.. document.Origins.Select(r => r.Path)], Sets(document.Origins)),
            ],
            [new PathIndexWriter.Section([.. document.Cache.Select(r => r.Path)], Everyone(document.Cache.Count))],
        ]));
    }

    private static byte[] Write(RulesDocument document, string revisionId, string documentSha256, Interner<string> countrySets)
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
            WriteAccess(json, document.Access, countrySets);
            WriteSection(json, "redirects", document.Redirects, countrySets, r => new RedirectTarget(
                r.Location, r.EffectiveStatus, r.EffectiveAppendPath, r.EffectiveKeepQuery, r.EffectiveCacheSeconds), WriteRedirectTargets);
            WriteSection(json, "origins", document.Origins, countrySets, r => new OriginTarget(
                r.DomainName, r.OriginPath ?? "", r.EffectivePort, r.EffectiveProtocol == OriginProtocol.Http ? "http" : "https"), WriteOriginTargets);
            WriteCache(json, document.Cache);
            json.WriteStartArray("countrySets");
            foreach (var set in countrySets.Items)
            {
                json.WriteStartArray();
                foreach (var code in set.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    json.WriteStringValue(code);
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
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

    private static void WriteAccess(Utf8JsonWriter json, EquatableArray<AccessRule> rules, Interner<string> countrySets)
    {
        json.WriteStartObject("access");
        WritePaths(json, rules);
        // One character per rule: 'a' allow, 'b' block.
        json.WriteString("modes", string.Concat(rules.Select(r => r.EffectiveMode == AccessMode.Allow ? 'a' : 'b')));
        WriteNumbers(json, "countries", rules.Select(r => countrySets.Intern(SetKey(r.Countries))));
        json.WriteEndObject();
    }

    private static void WriteSection<TRule, TTarget>(
        Utf8JsonWriter json,
        string name,
        EquatableArray<TRule> rules,
        Interner<string> countrySets,
        Func<TRule, TTarget> target,
        Action<Utf8JsonWriter, Interner<TTarget>> writeTargets)
        where TRule : ICountryRule
        where TTarget : notnull
    {
        var targets = new Interner<TTarget>();
        json.WriteStartObject(name);
        WritePaths(json, rules);
        WriteNumbers(json, "countries", rules.Select(r => countrySets.Intern(SetKey(r.Countries))));
        WriteNumbers(json, "targets", rules.Select(r => targets.Intern(target(r))));
        writeTargets(json, targets);
        json.WriteEndObject();
    }

    private static void WriteCache(Utf8JsonWriter json, EquatableArray<CacheRule> rules)
    {
        var targets = new Interner<CacheTarget>();
        json.WriteStartObject("cache");
        WritePaths(json, rules);
        WriteNumbers(json, "targets", rules.Select(r => targets.Intern(new CacheTarget(NullWhenEmpty(CacheControlHeader.Format(r)), r.EffectiveMode))));
        WriteTargetTable(json, targets,
            ("value", static (w, t) => WriteStringOrNull(w, t.Value)),
            ("mode", static (w, t) => w.WriteStringValue(t.Mode == CacheMode.Default ? "default" : "override")));
        json.WriteEndObject();
    }

    private static void WriteRedirectTargets(Utf8JsonWriter json, Interner<RedirectTarget> targets) =>
        WriteTargetTable(json, targets,
            ("location", static (w, t) => w.WriteStringValue(t.Location)),
            ("status", static (w, t) => w.WriteNumberValue(t.Status)),
            ("appendPath", static (w, t) => w.WriteNumberValue(t.AppendPath ? 1 : 0)),
            ("keepQuery", static (w, t) => w.WriteNumberValue(t.KeepQuery ? 1 : 0)),
            ("cacheSeconds", static (w, t) => w.WriteNumberValue(t.CacheSeconds)));

    private static void WriteOriginTargets(Utf8JsonWriter json, Interner<OriginTarget> targets) =>
        WriteTargetTable(json, targets,
            ("domainName", static (w, t) => w.WriteStringValue(t.DomainName)),
            ("originPath", static (w, t) => w.WriteStringValue(t.OriginPath)),
            ("port", static (w, t) => w.WriteNumberValue(t.Port)),
            ("protocol", static (w, t) => w.WriteStringValue(t.Protocol)));

    /// <summary>
    /// The distinct targets, column by column (one array per field): far quicker for JSON.parse at a cold
    /// start than an array per target.
    /// </summary>
    private static void WriteTargetTable<T>(Utf8JsonWriter json, Interner<T> targets, params (string Name, Action<Utf8JsonWriter, T> Write)[] columns)
        where T : notnull
    {
        json.WriteStartObject("targetTable");
        json.WriteNumber("count", targets.Items.Count);
        foreach (var (name, write) in columns)
        {
            json.WriteStartArray(name);
            foreach (var target in targets.Items)
            {
                write(json, target);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static void WritePaths<TRule>(Utf8JsonWriter json, EquatableArray<TRule> rules)
        where TRule : IRule
    {
        json.WriteStartArray("paths");
        foreach (var rule in rules)
        {
            json.WriteStringValue(rule.Path);
        }
        json.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IEnumerable<int> numbers)
    {
        json.WriteStartArray(name);
        foreach (var number in numbers)
        {
            json.WriteNumberValue(number);
        }
        json.WriteEndArray();
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
