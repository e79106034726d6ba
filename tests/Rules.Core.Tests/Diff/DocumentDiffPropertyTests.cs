using CsCheck;
using EdgePortal.Rules.Diff;
using EdgePortal.Rules.Tests.Invalidation;

namespace EdgePortal.Rules.Tests.Diff;

public class DocumentDiffPropertyTests
{
    [Fact]
    public void Compare_DocumentWithItself_IsEmpty() =>
        RandomDocuments.Document.Sample(doc => DocumentDiff.Compare(doc, doc with { }).IsEmpty, iter: 2_000);

    [Fact]
    public void Compare_EditedDocument_IsEmptyOnlyWhenEqual() =>
        Gen.Select(RandomDocuments.Document, RandomEdits.AnyEdit.Array[1, 3]).Sample((doc, edits) =>
        {
            var edited = edits.Aggregate(doc, RandomEdits.Apply);
            var changes = DocumentDiff.Compare(doc, edited);
            return changes.IsEmpty == (doc == edited) && changes.Sentences.Count == changes.Count;
        }, iter: 2_000);

    [Fact]
    public void Compare_UnrelatedDocuments_IsEmptyOnlyWhenEqual() =>
        Gen.Select(RandomDocuments.Document, RandomDocuments.Document).Sample((a, b) =>
            DocumentDiff.Compare(a, b).IsEmpty == (a == b), iter: 2_000);

    [Fact]
    public void Compare_Reversed_SwapsAddedAndRemoved() =>
        Gen.Select(RandomDocuments.Document, RandomEdits.AnyEdit.Array[1, 3]).Sample((doc, edits) =>
        {
            var edited = edits.Aggregate(doc, RandomEdits.Apply);
            var forward = DocumentDiff.Compare(doc, edited).Sections.SelectMany(s => s.Changes).ToList();
            var backward = DocumentDiff.Compare(edited, doc).Sections.SelectMany(s => s.Changes).ToList();
            return forward.Count(c => c.Kind == RuleChangeKind.Added) == backward.Count(c => c.Kind == RuleChangeKind.Removed)
                && forward.Count(c => c.Kind == RuleChangeKind.Changed) == backward.Count(c => c.Kind == RuleChangeKind.Changed);
        }, iter: 2_000);
}
