using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services;

/// <summary>A target as pages show it, with its live revision.</summary>
public sealed record TargetView(
    string Id,
    string DisplayName,
    TargetKind Kind,
    string? FunctionName,
    string? DistributionId,
    IReadOnlyList<string> CacheBehaviors,
    RevisionSummary? LiveRevision,
    int ApprovalsRequired = 1,
    string? RequiredTargetId = null,
    DateTimeOffset? RetiredAt = null)
{
    public bool IsRetired => RetiredAt is not null;
}

/// <summary>A revision without its document (for lists).</summary>
public sealed record RevisionSummary(
    long Id,
    string TargetId,
    int Number,
    string Sha256,
    long? ParentRevisionId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    string Message,
    long? ChangeSetId);

/// <summary>A revision with its document, as canonical JSON and as the model.</summary>
public sealed record RevisionView(RevisionSummary Summary, string DocumentJson, RulesDocument Document)
{
    public long Id => Summary.Id;
}

/// <summary>A change set without its document (for lists).</summary>
public sealed record ChangeSetSummary(
    long Id,
    string TargetId,
    long BaseRevisionId,
    string AuthorId,
    string AuthorName,
    string Title,
    string Description,
    ChangeSetState State,
    Guid Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);

/// <summary>
/// A change set with its draft document. <see cref="Summary"/>.<c>Version</c> is what the next save
/// must send as its expected version.
/// </summary>
public sealed record ChangeSetView(ChangeSetSummary Summary, RulesDocument Document)
{
    public long Id => Summary.Id;

    public Guid Version => Summary.Version;

    public ChangeSetState State => Summary.State;
}

/// <summary>An exported document: a file name to offer and the canonical JSON.</summary>
public sealed record DocumentExport(string FileName, string Json);
