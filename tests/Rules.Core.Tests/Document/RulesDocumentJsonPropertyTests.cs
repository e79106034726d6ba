using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Tests.Generators;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Tests.Document;

public class RulesDocumentJsonPropertyTests
{
    [Fact]
    public void DocumentGenerator_ProducesOnlyValidDocuments() =>
        DocumentGenerator.Document.Sample(document => Assert.Empty(DocumentValidator.Validate(document)), iter: 500);

    [Fact]
    public void SerializeParse_RandomValidDocument_RoundTripsExactly() =>
        DocumentGenerator.Document.Sample(document =>
        {
            var text = RulesDocumentJson.Serialize(document);

            var result = RulesDocumentJson.Parse(text);

            Assert.Empty(result.Problems);
            Assert.Equal(document, result.Document);
            Assert.Equal(text, RulesDocumentJson.Serialize(result.Document!));
        }, iter: 500);

    [Fact]
    public void Sha256_EqualDocuments_HaveEqualHashes() =>
        DocumentGenerator.Document.Sample(document =>
        {
            var copy = RulesDocumentJson.Parse(RulesDocumentJson.Serialize(document)).Document!;

            Assert.Equal(RulesDocumentJson.Sha256(document), RulesDocumentJson.Sha256(copy));
        }, iter: 200);
}
