using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Validation;

public class SchemaAndGeoValidationTests
{
    [Fact]
    public void Validate_EmptyDocument_IsValid() => Valid.NoProblem(RulesDocument.Empty);

    [Fact]
    public void Validate_MissingSchema_NamesTheSchemaToWrite() =>
        Valid.SingleProblem(new RulesDocument { Schema = "" }, "/schema", "schema is required", "edgeportal.rules/v1");

    [Fact]
    public void Validate_OtherSchema_SaysWhichIsSupported() =>
        Valid.SingleProblem(new RulesDocument { Schema = "edgeportal.rules/v2" }, "/schema", "\"edgeportal.rules/v2\" is not supported", "edgeportal.rules/v1");

    [Fact]
    public void Validate_GeoAllowWithoutCountries_IsAnError() =>
        Valid.SingleProblem(new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Allow } }, "/geo/countries", "allow needs at least one country", "block every viewer");

    [Fact]
    public void Validate_GeoBlockWithoutCountries_IsAnError() =>
        Valid.SingleProblem(new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Block } }, "/geo/countries", "block needs at least one country");

    [Theory]
    [InlineData(null)]
    [InlineData(GeoMode.Off)]
    public void Validate_GeoOffWithOrWithoutCountries_IsValid(GeoMode? mode)
    {
        Valid.NoProblem(new RulesDocument { Geo = new GeoSettings { Mode = mode } });
        Valid.NoProblem(new RulesDocument { Geo = new GeoSettings { Mode = mode, Countries = ["DE"] } });
    }

    [Fact]
    public void Validate_GeoEveryOptionSet_IsValid() =>
        Valid.NoProblem(new RulesDocument
        {
            Geo = new GeoSettings { Mode = GeoMode.Block, Countries = ["KP"], UnknownCountry = UnknownCountryAction.Block, Enforce = GeoEnforcement.Both },
        });

    [Fact]
    public void Validate_GeoCountryProblem_PointsAtTheElement() =>
        Valid.SingleProblem(new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US", "CA", "de"] } },
            "/geo/countries/2", "\"de\" must be upper case: \"DE\"");
}
