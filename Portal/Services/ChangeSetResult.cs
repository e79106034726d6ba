using EdgePortal.Rules.Merge;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Services;

/// <summary>
/// The answer to anything that changes a change set. Only <see cref="Saved"/> means something changed;
/// every other case leaves the database as it was and carries a message to show as it is.
/// </summary>
public abstract record ChangeSetResult(string Message)
{
    /// <summary>Stored; <see cref="ChangeSet"/> is the new state, with the version to send on the next save.</summary>
    public sealed record Saved(ChangeSetView ChangeSet) : ChangeSetResult("Saved.");

    /// <summary>Someone saved the change set after the version this save was based on; nothing was overwritten.</summary>
    public sealed record Conflict(string SavedBy, DateTimeOffset SavedAt, Guid CurrentVersion, string Message) : ChangeSetResult(Message);

    /// <summary>The user's role or ownership does not allow this (the server decides, not the page).</summary>
    public sealed record Forbidden(string Message) : ChangeSetResult(Message);

    /// <summary>The input was refused (invalid import, rule index out of range, not submittable); <see cref="Problems"/> says where.</summary>
    public sealed record Invalid(string Message, IReadOnlyList<Problem> Problems) : ChangeSetResult(Message);

    /// <summary>
    /// Live moved since the change set's base and the same things changed on both sides: nothing was stored;
    /// the author chooses for every one of <see cref="Conflicts"/> and rebases again with the choices.
    /// </summary>
    public sealed record MergeConflicted(RevisionSummary Live, RevisionSummary Base, IReadOnlyList<MergeConflict> Conflicts)
        : ChangeSetResult($"Live moved to revision {Live.Number}; {Conflicts.Count} change(s) conflict with it. Choose live's or yours for each.");

    /// <summary>No such change set or target, or it is no longer a draft.</summary>
    public sealed record NotFound(string Message) : ChangeSetResult(Message);

    public bool IsSaved => this is Saved;
}
