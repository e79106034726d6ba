using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Document;

public class RulesDocumentJsonRoundTripTests
{
    public static TheoryData<string> CanonicalFixtures() => [.. Fixtures.Canonical()];

    [Theory]
    [MemberData(nameof(CanonicalFixtures))]
    public void Serialize_CanonicalFixture_GivesTheSameBytes(string fixture)
    {
        var text = Fixtures.Read(fixture);

        var result = RulesDocumentJson.Parse(text);

        Assert.Empty(result.Problems);
        Assert.Equal(text, RulesDocumentJson.Serialize(result.Document!));
    }

    [Fact]
    public void CanonicalFixtures_AreAllThere()
    {
        Assert.Equal(["canonical/empty.json", "canonical/full.json", "canonical/seed.json", "canonical/unicode.json"], Fixtures.Canonical());
    }

    [Theory]
    [InlineData("spec-example.json")]
    [InlineData("seed-example.json")]
    public void Parse_SpecExamples_AreValid(string fixture)
    {
        var result = RulesDocumentJson.Parse(Fixtures.Read(fixture));

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_SeedExample_ReadsEveryValue()
    {
        var document = RulesDocumentJson.Parse(Fixtures.Read("seed-example.json")).Document!;

        Assert.Equal(RulesDocument.SchemaV1, document.Schema);
        Assert.Equal(GeoMode.Allow, document.Geo!.Mode);
        Assert.Equal(["US", "CA", "GB", "DE"], document.Geo.Countries);
        Assert.Null(document.Geo.UnknownCountry);
        Assert.Equal(2, document.Redirects.Count);
        Assert.Equal(new RedirectRule
        {
            Id = "us", Path = "/*", Countries = ["US"], Location = "https://us.example.com/", Status = 301,
        }, document.Redirects[1]);
    }

    [Fact]
    public void Serialize_SpecExample_WritesCanonicalLayout()
    {
        var document = RulesDocumentJson.Parse(Fixtures.Read("spec-example.json")).Document!;

        var text = RulesDocumentJson.Serialize(document);

        Assert.StartsWith("{\n  \"schema\": \"edgeportal.rules/v1\",\n  \"geo\": {\n    \"mode\": \"allow\",\n    \"countries\": [\"US\", \"CA\", \"GB\", \"DE\"],", text);
        Assert.Contains("\n    {\n      \"id\": \"bundesliga-live\",\n      \"description\": \"Licensed for DACH only\",\n      \"path\": \"/live/bundesliga/*\",\n      \"mode\": \"allow\",", text);
        Assert.EndsWith("}\n", text);
        Assert.DoesNotContain("\r", text);
        Assert.Equal(document, RulesDocumentJson.Parse(text).Document);
    }

    [Fact]
    public void Serialize_EmptyRuleListsAndAbsentValues_AreLeftOut()
    {
        var document = new RulesDocument { Redirects = [], Geo = new GeoSettings { Mode = GeoMode.Off } };

        Assert.Equal("{\n  \"schema\": \"edgeportal.rules/v1\",\n  \"geo\": {\n    \"mode\": \"off\"\n  }\n}\n", RulesDocumentJson.Serialize(document));
    }

    [Fact]
    public void Serialize_TextNeedingEscapes_EscapesOnlyWhatJsonNeeds()
    {
        var body = "quote \" backslash \\ newline \n bell \u0007 pair 🌍 é <&> '";
        var document = new RulesDocument { BlockedResponse = new BlockedResponse { Body = body } };

        var text = RulesDocumentJson.Serialize(document);

        Assert.Contains("\"body\": \"quote \\\" backslash \\\\ newline \\n bell \\u0007 pair 🌍 é <&> '\"", text);
        Assert.Equal(body, RulesDocumentJson.Parse(text).Document!.BlockedResponse!.Body);
    }

    [Fact]
    public void Serialize_LoneSurrogate_WritesValidJsonThatParseReports()
    {
        var document = new RulesDocument { BlockedResponse = new BlockedResponse { Body = "lone \ud800 surrogate" } };

        var text = RulesDocumentJson.Serialize(document);

        Assert.Contains("lone \\uD800 surrogate", text);
        var problem = Assert.Single(RulesDocumentJson.Parse(text).Problems);
        Assert.Equal("/blockedResponse/body", problem.Pointer);
        Assert.Contains("lone surrogate", problem.Message);
    }

    [Fact]
    public void Sha256_IsLowerCaseHexOfCanonicalBytes()
    {
        var document = RulesDocumentJson.Parse(Fixtures.Read("canonical/seed.json")).Document!;
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Fixtures.Read("canonical/seed.json"))));

        Assert.Equal(expected, RulesDocumentJson.Sha256(document));
        Assert.Matches("^[0-9a-f]{64}$", RulesDocumentJson.Sha256(document));
    }

    [Fact]
    public void Sha256_SameDocumentWrittenDifferently_IsTheSame()
    {
        var spec = RulesDocumentJson.Parse(Fixtures.Read("seed-example.json")).Document!;
        var canonical = RulesDocumentJson.Parse(Fixtures.Read("canonical/seed.json")).Document!;

        Assert.Equal(RulesDocumentJson.Sha256(canonical), RulesDocumentJson.Sha256(spec));
        Assert.NotEqual(RulesDocumentJson.Sha256(RulesDocument.Empty), RulesDocumentJson.Sha256(spec));
    }
}
