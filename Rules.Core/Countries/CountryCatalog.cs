using System.Collections.Frozen;
using System.Text.Json;

namespace EdgePortal.Rules.Countries;

/// <summary>
/// The officially assigned ISO 3166-1 alpha-2 codes (all 249) with English short names, and the
/// regions the portal offers for "select by region". The data is Countries/countries.json, embedded.
/// </summary>
public static class CountryCatalog
{
    private const string ResourceName = "EdgePortal.Rules.countries.json";

    private static readonly Lazy<Catalog> _catalog = new(Load);

    /// <summary>Every assigned country, ordered by code.</summary>
    public static IReadOnlyList<Country> All => _catalog.Value.Countries;

    /// <summary>The region names, in the order the portal offers them.</summary>
    public static IReadOnlyList<string> Regions => _catalog.Value.RegionNames;

    /// <summary>True for an officially assigned code, written upper case ("DE"); "de", "UK" and "XK" are not.</summary>
    public static bool IsAssigned(string code) => code is not null && _catalog.Value.ByCode.ContainsKey(code);

    /// <summary>The English short name of an assigned code, or null.</summary>
    public static string? NameOf(string code) =>
        code is not null && _catalog.Value.ByCode.TryGetValue(code, out var country) ? country.Name : null;

    /// <summary>The codes of a region, ordered by code; empty for an unknown region name.</summary>
    public static IReadOnlyList<string> CodesIn(string region) =>
        region is not null && _catalog.Value.CodesByRegion.TryGetValue(region, out var codes) ? codes : [];

    private sealed record Catalog(
        IReadOnlyList<Country> Countries,
        FrozenDictionary<string, Country> ByCode,
        IReadOnlyList<string> RegionNames,
        FrozenDictionary<string, IReadOnlyList<string>> CodesByRegion);

    private static Catalog Load()
    {
        using var stream = typeof(CountryCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from Rules.Core");
        using var json = JsonDocument.Parse(stream);
        var regionNames = new List<string>();
        var codesByRegion = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var region in json.RootElement.GetProperty("regions").EnumerateObject())
        {
            regionNames.Add(region.Name);
            codesByRegion[region.Name] = [.. region.Value.EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal)];
        }
        var countries = json.RootElement.GetProperty("countries").EnumerateArray()
            .Select(c =>
            {
                var code = c.GetProperty("code").GetString()!;
                IReadOnlyList<string> regions = [.. regionNames.Where(r => codesByRegion[r].Contains(code))];
                return new Country(code, c.GetProperty("name").GetString()!, regions);
            })
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new Catalog(
            countries,
            countries.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal),
            regionNames,
            codesByRegion.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
