using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Validation;

public class CountryValidationTests
{
    private static RulesDocument Geo(params string[] countries) =>
        new() { Geo = new GeoSettings { Mode = GeoMode.Block, Countries = [.. countries] } };

    [Theory]
    [InlineData("de", "\"de\" must be upper case: \"DE\"")]
    [InlineData("De", "\"De\" must be upper case: \"DE\"")]
    [InlineData("DEU", "\"DEU\" is not a country code", "two upper-case letters")]
    [InlineData("D", "\"D\" is not a country code")]
    [InlineData("1A", "\"1A\" is not a country code")]
    [InlineData("", "must not be empty")]
    [InlineData("XX", "\"XX\" is not an assigned ISO 3166-1 alpha-2 country code")]
    [InlineData("UK", "\"UK\" is not an assigned", "the United Kingdom is \"GB\"")]
    [InlineData("EL", "Greece is \"GR\"")]
    [InlineData("XK", "\"XK\" is not an assigned", "Kosovo")]
    [InlineData("EU", "\"EU\" is not an assigned", "member states")]
    [InlineData("uk", "\"uk\" is not an assigned", "\"GB\"")]
    public void Validate_BadCode_SaysWhatIsWrong(string code, params string[] fragments) =>
        Valid.SingleProblem(Geo("FR", code), "/geo/countries/1", fragments);

    [Fact]
    public void Validate_Duplicate_PointsAtTheRepeatAndTheFirst() =>
        Valid.SingleProblem(Geo("DE", "AT", "DE"), "/geo/countries/2", "\"DE\" is listed more than once", "/geo/countries/0");

    [Fact]
    public void Validate_EveryAssignedCode_IsAccepted() =>
        Valid.NoProblem(Geo([.. Rules.Countries.CountryCatalog.All.Select(c => c.Code)]));

    [Fact]
    public void Validate_CountriesInEveryRuleSection_AreChecked()
    {
        var document = new RulesDocument
        {
            Access = [Valid.Access with { Countries = ["DE", "de"] }],
            Redirects = [Valid.Redirect with { Countries = ["ZZ"] }],
            Origins = [Valid.Origin with { Countries = ["AT", "AT"] }],
        };

        var problems = Rules.Validation.DocumentValidator.Validate(document);

        Assert.Equal(["/access/0/countries/1", "/redirects/0/countries/0", "/origins/0/countries/1"], problems.Select(p => p.Pointer));
    }
}
