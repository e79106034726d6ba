namespace EdgePortal.Rules.Countries;

/// <summary>An ISO 3166-1 alpha-2 country with its English short name and the regions it belongs to.</summary>
public sealed record Country(string Code, string Name, IReadOnlyList<string> Regions);
