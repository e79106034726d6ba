using System.Diagnostics;
using System.Text;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Tests.Validation;

public class DocumentLimitsTests
{
    private static string CacheRules(int count)
    {
        var text = new StringBuilder("{\"schema\": \"edgeportal.rules/v1\", \"cache\": [");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("{\"id\":\"c").Append(i).Append("\",\"path\":\"/p").Append(i).Append("/*\",\"maxAge\":60}");
        }
        return text.Append("]}").ToString();
    }

    [Fact]
    public void Parse_MoreRulesThanTheLimit_RefusedWithTheLimitBeforeReadingRules()
    {
        var json = CacheRules(Limits.MaxRules + 1);
        var before = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();

        var result = RulesDocumentJson.Parse(json);

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("", problem.Pointer);
        Assert.Equal("the document has 100,001 rules; a rules document may have at most 100,000 rules", problem.Message);
        // Reading and validating 100,001 rules allocates hundreds of megabytes; the count costs the parse tree only.
        Assert.True(GC.GetTotalAllocatedBytes() - before < 64L * 1024 * 1024, $"allocated {GC.GetTotalAllocatedBytes() - before:N0} bytes");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Parse_ExactlyTheRuleLimit_IsValid()
    {
        var result = RulesDocumentJson.Parse(CacheRules(Limits.MaxRules));

        Assert.True(result.IsValid, string.Join("; ", result.Problems.Take(3)));
        Assert.Equal(Limits.MaxRules, result.Document!.RuleCount);
    }

    [Fact]
    public void Parse_LargerThanTheSizeLimit_RefusedWithTheLimit()
    {
        var json = "{\"schema\": \"edgeportal.rules/v1\", \"x\": \"" + new string('a', Limits.MaxDocumentBytes) + "\"}";

        var result = RulesDocumentJson.Parse(json);

        Assert.Null(result.Document);
        Assert.Equal($"the document is {Encoding.UTF8.GetByteCount(json):N0} bytes; a rules document may be at most 16,777,216 bytes (16 MiB)",
            Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Parse_MultiByteTextOverTheLimitInBytesOnly_Refused()
    {
        // 6,000,000 characters, under the limit; 18,000,000 bytes, over it: the limit is in bytes.
        var json = "{\"schema\": \"edgeportal.rules/v1\", \"x\": \"" + new string('€', 6_000_000) + "\"}";

        var result = RulesDocumentJson.Parse(json);

        Assert.Null(result.Document);
        Assert.StartsWith("the document is 18,000,", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void ParseUtf8_InvalidUtf8_RefusedNotReplaced()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"schema\": \"edgeportal.rules/v1\", \"cache\": [{\"id\": \"c\", \"path\": \"/x\", \"description\": \"caf?\"}]}");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE9; // Latin-1 "é": not UTF-8

        var result = RulesDocumentJson.ParseUtf8(bytes);

        Assert.Null(result.Document);
        Assert.Equal(Limits.NotUtf8, Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void ParseUtf8_ByteOrderMark_Tolerated()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"schema\": \"edgeportal.rules/v1\"}")).ToArray();

        Assert.True(RulesDocumentJson.ParseUtf8(bytes).IsValid);
    }

    [Fact]
    public void ParseUtf8_LargerThanTheSizeLimit_RefusedBeforeDecoding()
    {
        var result = RulesDocumentJson.ParseUtf8(new byte[Limits.MaxDocumentBytes + 1]);

        Assert.Equal(Limits.DocumentTooLarge(Limits.MaxDocumentBytes + 1), Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Validate_DocumentBuiltOverTheRuleLimit_NamesTheLimit()
    {
        var rules = Enumerable.Range(0, Limits.MaxRules + 1).Select(i => new CacheRule { Id = $"c{i}", Path = $"/p{i}/*", MaxAge = 60 }).ToArray();
        var document = RulesDocument.Empty with { Cache = new EquatableArray<CacheRule>(rules) };

        Assert.Contains(DocumentValidator.Validate(document), p => p.Pointer == "" && p.Message == Limits.TooManyRules(Limits.MaxRules + 1));
    }
}
