using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Validation;

public class BlockedResponseValidationTests
{
    private static RulesDocument With(BlockedResponse blocked) => new() { BlockedResponse = blocked };

    [Theory]
    [InlineData(403)]
    [InlineData(451)]
    public void Validate_AllowedStatus_IsValid(int status) => Valid.NoProblem(With(new BlockedResponse { Status = status }));

    [Theory]
    [InlineData(200)]
    [InlineData(404)]
    [InlineData(0)]
    public void Validate_OtherStatus_NamesTheAllowedOnes(int status) =>
        Valid.SingleProblem(With(new BlockedResponse { Status = status }), "/blockedResponse/status", "status must be 403 or 451", $"not {status}");

    [Fact]
    public void Validate_BodyOfExactly32KiB_IsValid() =>
        Valid.NoProblem(With(new BlockedResponse { Body = new string('x', 32 * 1024) }));

    [Fact]
    public void Validate_BodyOver32KiBInUtf8_IsAnError() =>
        // 16385 two-byte characters: 16385 UTF-16 units but 32770 UTF-8 bytes.
        Valid.SingleProblem(With(new BlockedResponse { Body = new string('é', 16385) }), "/blockedResponse/body", "32770 bytes", "at most 32768 (32 KiB)");

    [Fact]
    public void Validate_EmptyBody_IsValid() => Valid.NoProblem(With(new BlockedResponse { Body = "" }));

    [Theory]
    [InlineData(0)]
    [InlineData(31536000)]
    public void Validate_CacheSecondsAtTheLimits_IsValid(int seconds) =>
        Valid.NoProblem(With(new BlockedResponse { CacheSeconds = seconds }));

    [Theory]
    [InlineData(-1)]
    [InlineData(31536001)]
    public void Validate_CacheSecondsOutOfRange_NamesTheRange(int seconds) =>
        Valid.SingleProblem(With(new BlockedResponse { CacheSeconds = seconds }), "/blockedResponse/cacheSeconds", "a whole number from 0 to 31536000", $"not {seconds}");

    [Theory]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("text/html")]
    [InlineData("application/problem+json")]
    public void Validate_MediaType_IsValid(string contentType) =>
        Valid.NoProblem(With(new BlockedResponse { ContentType = contentType }));

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("text/html\r\nset-cookie: a=b", "without line breaks or control characters")]
    [InlineData("text/html\n", "without line breaks")]
    [InlineData("text/html; charset=ü", "printable ASCII")]
    [InlineData("html", "must be a media type such as text/html")]
    public void Validate_BadContentType_SaysWhy(string contentType, string fragment) =>
        Valid.SingleProblem(With(new BlockedResponse { ContentType = contentType }), "/blockedResponse/contentType", fragment);
}
