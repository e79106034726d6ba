using EdgePortal.Rules.Countries;

namespace EdgePortal.Rules.Tests.Countries;

public class CountryCatalogTests
{
    private static readonly string[] _continents = ["Europe", "Asia", "Africa", "Oceania", "North America", "Latin America"];

    [Fact]
    public void All_HoldsEveryOfficiallyAssignedCode()
    {
        Assert.Equal(249, CountryCatalog.All.Count);
        Assert.Equal(249, CountryCatalog.All.Select(c => c.Code).Distinct().Count());
        Assert.All(CountryCatalog.All, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.All(CountryCatalog.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
    }

    [Fact]
    public void All_IsOrderedByCode() =>
        Assert.Equal(CountryCatalog.All.Select(c => c.Code).Order(StringComparer.Ordinal), CountryCatalog.All.Select(c => c.Code));

    [Theory]
    [InlineData("DE", "Germany")]
    [InlineData("US", "United States")]
    [InlineData("GB", "United Kingdom")]
    [InlineData("CH", "Switzerland")]
    [InlineData("CI", "Côte d'Ivoire")]
    [InlineData("AX", "Åland Islands")]
    [InlineData("AQ", "Antarctica")]
    [InlineData("SS", "South Sudan")]
    [InlineData("BQ", "Bonaire, Sint Eustatius and Saba")]
    public void NameOf_AssignedCode_GivesTheEnglishShortName(string code, string name)
    {
        Assert.True(CountryCatalog.IsAssigned(code));
        Assert.Equal(name, CountryCatalog.NameOf(code));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("UK")]
    [InlineData("EL")]
    [InlineData("XK")]
    [InlineData("EU")]
    [InlineData("ZZ")]
    [InlineData("DEU")]
    [InlineData("")]
    public void IsAssigned_OtherText_IsFalse(string code)
    {
        Assert.False(CountryCatalog.IsAssigned(code));
        Assert.Null(CountryCatalog.NameOf(code));
    }

    [Fact]
    public void Regions_AreThoseThePortalOffers() =>
        Assert.Equal(["EU", "EEA", "DACH", "Nordics", "North America", "Latin America", "Americas", "Europe", "Asia", "Africa", "Oceania", "Middle East"],
            CountryCatalog.Regions);

    [Fact]
    public void CodesIn_EveryRegion_HoldsOnlyAssignedCodes() =>
        Assert.All(CountryCatalog.Regions, region =>
        {
            Assert.NotEmpty(CountryCatalog.CodesIn(region));
            Assert.All(CountryCatalog.CodesIn(region), code => Assert.True(CountryCatalog.IsAssigned(code), $"{region}: {code}"));
        });

    [Fact]
    public void CodesIn_EU_IsTheTwentySevenMemberStates() =>
        Assert.Equal(
            ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"],
            CountryCatalog.CodesIn("EU"));

    [Fact]
    public void CodesIn_EEA_IsTheEUWithIcelandLiechtensteinAndNorway() =>
        Assert.Equal(CountryCatalog.CodesIn("EU").Concat(["IS", "LI", "NO"]).Order(StringComparer.Ordinal), CountryCatalog.CodesIn("EEA"));

    [Fact]
    public void CodesIn_DACH_IsGermanyAustriaSwitzerland() => Assert.Equal(["AT", "CH", "DE"], CountryCatalog.CodesIn("DACH"));

    [Fact]
    public void CodesIn_NorthAmerica_FollowsTheUnGeoscheme() => Assert.Equal(["BM", "CA", "GL", "PM", "US"], CountryCatalog.CodesIn("North America"));

    [Theory]
    [InlineData("Europe", 51)]
    [InlineData("Asia", 51)]
    [InlineData("Africa", 60)]
    [InlineData("Oceania", 29)]
    [InlineData("Latin America", 52)]
    [InlineData("Americas", 57)]
    [InlineData("Nordics", 8)]
    [InlineData("Middle East", 17)]
    public void CodesIn_Region_HasTheExpectedSize(string region, int count) => Assert.Equal(count, CountryCatalog.CodesIn(region).Count);

    [Fact]
    public void Continents_CoverEveryCountryButAntarcticaExactlyOnce()
    {
        var placed = _continents.SelectMany(CountryCatalog.CodesIn).ToList();

        Assert.Equal(placed.Count, placed.Distinct().Count());
        Assert.Equal(["AQ"], CountryCatalog.All.Select(c => c.Code).Except(placed));
    }

    [Theory]
    [InlineData("MX", "Latin America")]
    [InlineData("CY", "Asia")]
    [InlineData("TR", "Asia")]
    [InlineData("RU", "Europe")]
    [InlineData("EG", "Africa")]
    [InlineData("NZ", "Oceania")]
    [InlineData("JP", "Asia")]
    public void Country_Regions_NameItsContinent(string code, string continent) =>
        Assert.Contains(continent, CountryCatalog.All.Single(c => c.Code == code).Regions);

    [Fact]
    public void Country_Regions_ListEveryRegionOfTheCountry() =>
        Assert.Equal(["EU", "EEA", "DACH", "Europe"], CountryCatalog.All.Single(c => c.Code == "DE").Regions);

    [Fact]
    public void CodesIn_UnknownRegion_IsEmpty() => Assert.Empty(CountryCatalog.CodesIn("Atlantis"));
}
