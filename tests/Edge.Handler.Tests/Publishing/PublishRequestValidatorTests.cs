using EdgePortal.Rules.Invalidation;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Publishing;

public class PublishRequestValidatorTests
{
    private static readonly byte[] _zip = [1, 2, 3];

    private static PublishRequest Request() => new()
    {
        Target = new Target { Name = "prod", FunctionName = "edge-rules", DistributionId = "E1" },
        RevisionId = "r1",
        PackageZip = _zip,
        CodeSha256 = PackageDigest.Of(_zip).CodeSha256,
        InvalidationPaths = ["/a", "/b/*"],
    };

    [Fact]
    public void Validate_GoodRequest_HasNoProblems()
    {
        Assert.Empty(PublishRequestValidator.Validate(Request()));
    }

    [Fact]
    public void Validate_WrongSha_NamesCodeSha256()
    {
        var problems = PublishRequestValidator.Validate(Request() with { CodeSha256 = "AAAA" });

        Assert.StartsWith("codeSha256:", Assert.Single(problems));
    }

    [Fact]
    public void Validate_BadPathsAndLimits_NamesInvalidationPaths()
    {
        var request = Request() with
        {
            InvalidationPaths = ["nope", "/a*b", "/x/*", "/y/*"],
            Target = Request().Target with { InvalidationLimits = new InvalidationLimits(MaxWildcardPaths: 1) },
        };

        var problems = PublishRequestValidator.Validate(request);

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("invalidationPaths:", p));
    }

    [Fact]
    public void Validate_PathOver4000CharactersOnceEncoded_NamesInvalidationPaths()
    {
        var fits = "/" + new string('é', 666);
        var over = fits + "é";

        var problems = PublishRequestValidator.Validate(Request() with { InvalidationPaths = [fits, over] });

        Assert.Equal(3997, InvalidationPathEncoding.Encode(fits).Length);
        Assert.Equal($"invalidationPaths: '{over}' must start with '/', have '*' only at the end and be at most 4,000 characters once URL-encoded.",
            Assert.Single(problems));
    }

    [Fact]
    public void Validate_GeoWithBadCountry_NamesGeoRestrictionLocations()
    {
        var problems = PublishRequestValidator.Validate(Request() with { GeoRestriction = new GeoRestrictionSetting("whitelist", ["de"]) });

        Assert.StartsWith("geoRestriction.locations:", Assert.Single(problems));
    }

    [Fact]
    public void Validate_RollbackWithoutPackage_IsAllowedButPublishIsNot()
    {
        var rollback = Request() with { Kind = PublishKind.Rollback, PackageZip = [] };

        Assert.Empty(PublishRequestValidator.Validate(rollback));
        Assert.StartsWith("packageZip:", Assert.Single(PublishRequestValidator.Validate(rollback with { Kind = PublishKind.Publish })));
    }
}
