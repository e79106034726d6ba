using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using static EdgePortal.Portal.Data.ChangeSetState;
using static EdgePortal.Portal.Services.Lifecycle.ChangeSetAction;
using static EdgePortal.Portal.Services.Lifecycle.Mover;

namespace EdgePortal.Portal.Services.Lifecycle;

/// <summary>What can happen to a change set. <see cref="ChangeSetLifecycle.Moves"/> says from which states and by whom.</summary>
public enum ChangeSetAction
{
    Edit,
    Rebase,
    Submit,
    Withdraw,
    Approve,
    RequestChanges,
    Reject,
    Reopen,
    Abandon,
    Comment,
    Publish,
    PublishSucceeded,
    PublishFailed,
}

/// <summary>Who may make a move.</summary>
[Flags]
public enum Mover
{
    None = 0,

    /// <summary>The change set's author, while they hold Editor or a higher role.</summary>
    Author = 1,

    /// <summary>An Approver or Admin who is not the author.</summary>
    Reviewer = 2,

    /// <summary>An Approver or Admin, the author included (someone else approved it).</summary>
    Publisher = 4,

    /// <summary>The portal itself: the publish worker reports how a deployment ended.</summary>
    System = 8,
}

/// <summary>One cell of the table: from <see cref="From"/>, <see cref="Action"/> leads to <see cref="To"/> when done by <see cref="Who"/>.</summary>
public sealed record LifecycleMove(ChangeSetState From, ChangeSetAction Action, ChangeSetState To, Mover Who);

/// <summary>The answer for one user, state and action: allowed with the next state, or refused with the sentence to show.</summary>
public sealed record LifecycleDecision(bool Allowed, ChangeSetState To, string? Refusal, bool ByRole)
{
    public static LifecycleDecision Yes(ChangeSetState to) => new(true, to, null, false);
}

/// <summary>
/// The life of a change set as ONE table (ADR 0007). Every service method that moves a change set asks
/// <see cref="Decide"/>; the pages ask it too, to show only the buttons the user may press. Approve leads to
/// Approved only when the target's approval count is reached; until then the change set stays in review.
/// </summary>
public static class ChangeSetLifecycle
{
    public static IReadOnlyList<LifecycleMove> Moves { get; } =
    [
        new(Draft, Edit, Draft, Author),
        new(Draft, Rebase, Draft, Author),
        new(Draft, Submit, InReview, Author),
        new(Draft, Abandon, Withdrawn, Author),
        // A draft is its author's alone (DraftVisibility): reviewers comment once it is submitted.
        new(Draft, Comment, Draft, Author),

        new(InReview, Rebase, Draft, Author),
        new(InReview, Withdraw, Draft, Author),
        new(InReview, Approve, Approved, Reviewer),
        new(InReview, RequestChanges, ChangesRequested, Reviewer),
        new(InReview, Reject, Rejected, Reviewer),
        new(InReview, Abandon, Withdrawn, Author),
        new(InReview, Comment, InReview, Author | Reviewer),

        new(ChangesRequested, Edit, ChangesRequested, Author),
        new(ChangesRequested, Rebase, ChangesRequested, Author),
        new(ChangesRequested, Submit, InReview, Author),
        new(ChangesRequested, Withdraw, Draft, Author),
        new(ChangesRequested, Abandon, Withdrawn, Author),
        new(ChangesRequested, Comment, ChangesRequested, Author | Reviewer),

        new(Approved, Rebase, Draft, Author),
        new(Approved, Withdraw, Draft, Author),
        new(Approved, Abandon, Withdrawn, Author),
        new(Approved, Comment, Approved, Author | Reviewer),
        new(Approved, Publish, Approved, Publisher),
        new(Approved, PublishSucceeded, Published, Mover.System),
        new(Approved, PublishFailed, Failed, Mover.System),

        // A failed publish leaves the approval standing: once the cause is fixed, the same revision is published again.
        new(Failed, Publish, Failed, Publisher),
        new(Failed, PublishSucceeded, Published, Mover.System),
        new(Failed, PublishFailed, Failed, Mover.System),
        new(Failed, Withdraw, Draft, Author),
        new(Failed, Abandon, Withdrawn, Author),
        new(Failed, Comment, Failed, Author | Reviewer),

        new(Rejected, Reopen, Draft, Author),
        new(Rejected, Abandon, Withdrawn, Author),
        new(Rejected, Comment, Rejected, Author | Reviewer),

        // Published and Withdrawn are the ends: nothing moves them.
    ];

    private static readonly Dictionary<(ChangeSetState, ChangeSetAction), LifecycleMove> _byCell = Moves.ToDictionary(m => (m.From, m.Action));

    /// <summary>The one move for a state and an action; null when the table has none.</summary>
    public static LifecycleMove? Find(ChangeSetState from, ChangeSetAction action) => _byCell.GetValueOrDefault((from, action));

    /// <summary>The states the author can edit the document in.</summary>
    public static IReadOnlyList<ChangeSetState> EditableStates { get; } = [.. Moves.Where(m => m.Action == Edit).Select(m => m.From)];

    /// <summary>True when nothing can happen to a change set in <paramref name="state"/> any more.</summary>
    public static bool IsTerminal(ChangeSetState state) => Moves.All(m => m.From != state);

    /// <summary>Whether <paramref name="user"/> may do <paramref name="action"/> to a change set of <paramref name="authorId"/> in <paramref name="state"/>.</summary>
    public static LifecycleDecision Decide(ClaimsPrincipal user, ChangeSetState state, string authorId, string authorName, ChangeSetAction action)
    {
        var who = (Find(state, action) ?? Moves.First(m => m.Action == action)).Who;
        var isAuthor = user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) == authorId;
        if (RefuseByRole(user, isAuthor, who, action, authorName) is { } refusal)
        {
            return new(false, state, refusal, true);
        }
        return Find(state, action) is { } move
            ? LifecycleDecision.Yes(move.To)
            : new(false, state, StateRefusal(state, action), false);
    }

    /// <summary>The portal's own move when a publish ends; null when the change set is in a state the table does not move.</summary>
    public static ChangeSetState? SystemMove(ChangeSetState state, ChangeSetAction action) =>
        Find(state, action) is { Who: Mover.System } move ? move.To : null;

    /// <summary>The actions <paramref name="user"/> may take now, for the pages' buttons.</summary>
    public static IReadOnlySet<ChangeSetAction> Allowed(ClaimsPrincipal user, ChangeSetState state, string authorId) =>
        Moves.Where(m => m.From == state && Decide(user, state, authorId, "", m.Action).Allowed).Select(m => m.Action).ToHashSet();

    /// <summary>The state as the pages and the docs say it.</summary>
    public static string Label(ChangeSetState state) => state switch
    {
        InReview => "In review",
        ChangesRequested => "Changes requested",
        _ => state.ToString(),
    };

    private static string? RefuseByRole(ClaimsPrincipal user, bool isAuthor, Mover who, ChangeSetAction action, string authorName)
    {
        var role = user.HighestRole() ?? "none";
        var isReviewer = user.IsAtLeast(PortalRoles.Approver);
        return who switch
        {
            Mover.System => "Only the publisher records how a publish ended.",
            Publisher when !isReviewer => $"Publishing needs the Approver or Admin role; you are {role}.",
            Reviewer when !isReviewer => $"Your role ({role}) cannot approve, request changes or reject; an Approver or Admin can.",
            Reviewer when isAuthor => "You wrote this change set; a second person must approve, request changes or reject it.",
            Author when !user.IsAtLeast(PortalRoles.Editor) => $"Your role ({role}) cannot change drafts; an Editor, Approver or Admin can.",
            Author when !isAuthor => $"Only its author ({Named(authorName)}) can {Verb(action)} this change set.",
            Author | Reviewer when !isAuthor && !isReviewer => $"Only its author ({Named(authorName)}), an Approver or an Admin can comment on this change set.",
            Author | Reviewer when isAuthor && !user.IsAtLeast(PortalRoles.Editor) => $"Your role ({role}) cannot comment; an Editor, Approver or Admin can.",
            _ => null,
        };
    }

    private static string Named(string authorName) => authorName.Length == 0 ? "someone else" : authorName;

    private static string StateRefusal(ChangeSetState state, ChangeSetAction action)
    {
        var hint = (state, action) switch
        {
            (InReview or Approved, Edit) => "; withdraw it to edit again",
            (Rejected, Edit or Submit) => "; reopen it to edit again",
            (Draft, Approve or RequestChanges or Reject) => "; its author has not submitted it",
            _ => "",
        };
        return $"This change set is {Describe(state)}; it cannot be {Participle(action)}{hint}.";
    }

    /// <summary>The state in a sentence: "This change set is …".</summary>
    public static string Describe(ChangeSetState state) => state switch
    {
        Draft => "a draft",
        InReview => "in review",
        ChangesRequested => "waiting for its author's changes",
        Failed => "approved but its publish failed",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string Verb(ChangeSetAction action) => action switch
    {
        Edit => "edit",
        RequestChanges => "request changes to",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static string Participle(ChangeSetAction action) => action switch
    {
        Edit => "edited",
        Rebase => "rebased",
        Submit => "submitted",
        Withdraw => "withdrawn",
        Approve => "approved",
        RequestChanges => "sent back for changes",
        Reject => "rejected",
        Reopen => "reopened",
        Abandon => "abandoned",
        Comment => "commented on",
        Publish => "published",
        _ => "moved by a publish",
    };
}
