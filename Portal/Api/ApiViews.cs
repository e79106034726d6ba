using System.Text.Json.Nodes;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Publishing;

namespace EdgePortal.Portal.Api;

/// <summary>A target and what is live on it.</summary>
public sealed record TargetResponse(string Id, string DisplayName, EdgePortal.Edge.Publishing.TargetKind Kind, string? FunctionName, string? DistributionId,
    IReadOnlyList<string> CacheBehaviors, RevisionResponse? LiveRevision)
{
    public static TargetResponse From(TargetView t) =>
        new(t.Id, t.DisplayName, t.Kind, t.FunctionName, t.DistributionId, t.CacheBehaviors, t.LiveRevision is { } live ? RevisionResponse.From(live) : null);
}

/// <summary>An immutable revision without its document.</summary>
public sealed record RevisionResponse(long Id, int Number, string Sha256, long? ParentRevisionId, string Author, DateTimeOffset CreatedAt, string Message, long? ChangeSetId)
{
    public static RevisionResponse From(RevisionSummary r) => new(r.Id, r.Number, r.Sha256, r.ParentRevisionId, r.AuthorName, r.CreatedAt, r.Message, r.ChangeSetId);
}

/// <summary>The live revision with its document, as the canonical JSON its SHA-256 is taken over.</summary>
public sealed record LiveResponse(long RevisionId, int Number, string Sha256, JsonNode Document);

/// <summary>A change set; send <see cref="Version"/> with the next change.</summary>
public sealed record ChangeSetResponse(long Id, string TargetId, string Title, string Description, ChangeSetState State, long BaseRevisionId, Guid Version,
    string Author, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static ChangeSetResponse From(ChangeSetSummary c) =>
        new(c.Id, c.TargetId, c.Title, c.Description, c.State, c.BaseRevisionId, c.Version, c.AuthorName, c.CreatedAt, c.UpdatedAt, c.UpdatedBy);
}

/// <summary>A note on a change set's thread: a comment, an approval, a request for changes, a rejection's reason.</summary>
public sealed record CommentResponse(long Id, string Author, ChangeSetCommentKind Kind, string Text, DateTimeOffset CreatedAt);

/// <summary>A lint warning or a problem of the document, at a JSON pointer into it.</summary>
public sealed record DocumentNote(string Pointer, string Message, string? Code = null);

/// <summary>A change set as a reviewer sees it: what it changes, its warnings and problems, and what publishing it would invalidate.</summary>
public sealed record ChangeSetDetailResponse(
    ChangeSetResponse ChangeSet,
    RevisionResponse BaseRevision,
    RevisionResponse? ApprovedRevision,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string>? ChangesAgainstLive,
    IReadOnlyList<DocumentNote> Warnings,
    IReadOnlyList<DocumentNote> Problems,
    IReadOnlyList<string> InvalidationPaths,
    bool MayDecide,
    string? DecisionRefusal,
    JsonNode Document,
    string ApprovalCount,
    IReadOnlyList<CommentResponse> Comments,
    IReadOnlyList<Services.Lifecycle.ChangeSetAction> Allowed,
    Services.Plans.PublishPlan? PublishPlan,
    bool PlanApproved)
{
    public static ChangeSetDetailResponse From(ChangeSetReview r, Services.Plans.ChangeSetPlan? plan) => new(
        ChangeSetResponse.From(r.ChangeSet.Summary),
        RevisionResponse.From(r.BaseRevision),
        r.ApprovedRevision is { } approved ? RevisionResponse.From(approved) : null,
        [.. r.Changes.Sentences],
        r.ChangesAgainstLive is { } againstLive ? [.. againstLive.Sentences] : null,
        [.. r.Warnings.Select(w => new DocumentNote(w.Pointer, w.Message, w.Code))],
        [.. r.Problems.Select(p => new DocumentNote(p.Pointer, p.Message))],
        [.. r.Plan.Paths.Select(p => p.Path)],
        r.Decision.Allowed,
        r.Decision.Reason ?? r.StaleBase,
        JsonNode.Parse(Services.Documents.DocumentCodec.Write(r.ChangeSet.Document))!,
        r.Thread.ApprovalCount,
        [.. r.Thread.Comments.Select(c => new CommentResponse(c.Id, c.AuthorName, c.Kind, c.Text, c.CreatedAt))],
        [.. r.Allowed.Order()],
        plan?.Plan,
        plan?.Approved ?? false);
}

/// <summary>A publish was queued: follow it at <c>/api/v1/deployments/{deploymentId}</c>.</summary>
public sealed record PublishResponse(string DeploymentId, PublishKind Kind);

/// <summary>One line of a deployment's step log.</summary>
public sealed record DeploymentStepResponse(PublishStep? Step, StepEvent Event, string Message, DateTimeOffset At);

/// <summary>A deployment: where it got to, what AWS answered, and its step log.</summary>
public sealed record DeploymentResponse(string Id, string Target, string RevisionId, PublishKind Kind, DeploymentState State, string StateText,
    PublishStep? CurrentStep, PublishStep? LastFinishedStep, string? VersionArn, string? InvalidationId, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, IReadOnlyList<DeploymentStepResponse> Steps)
{
    public static DeploymentResponse From(DeploymentView view)
    {
        var d = view.Deployment;
        return new(d.Id, d.TargetId, d.Request.RevisionId, d.Request.Kind, d.State, d.StateText, d.CurrentStep, d.LastFinishedStep,
            d.VersionArn, d.InvalidationId, d.Error, d.CreatedAt, d.FinishedAt,
            [.. view.Log.Select(l => new DeploymentStepResponse(l.Step, l.Event, l.Message, l.At))]);
    }
}
