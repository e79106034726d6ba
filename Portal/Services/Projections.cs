using System.Linq.Expressions;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services;

/// <summary>Query projections shared by the services, so that lists never load documents.</summary>
internal static class Projections
{
    public static readonly Expression<Func<Revision, RevisionSummary>> RevisionSummary = r =>
        new RevisionSummary(r.Id, r.TargetId, r.Number, r.Sha256, r.ParentRevisionId, r.AuthorName, r.CreatedAt, r.Message, r.ChangeSetId);

    public static readonly Func<Revision, RevisionSummary> ToRevisionSummary = RevisionSummary.Compile();

    public static readonly Expression<Func<ChangeSet, ChangeSetSummary>> ChangeSetSummary = c =>
        new ChangeSetSummary(c.Id, c.TargetId, c.BaseRevisionId, c.AuthorId, c.AuthorName, c.Title, c.Description, c.State, c.Version, c.CreatedAt, c.UpdatedAt, c.UpdatedBy);

    public static readonly Func<ChangeSet, ChangeSetSummary> ToChangeSetSummary = ChangeSetSummary.Compile();
}
