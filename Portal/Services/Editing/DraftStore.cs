using System.Security.Claims;
using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;
using Microsoft.AspNetCore.Components.Authorization;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>
/// Connects the circuit's <see cref="DraftSession"/> to the change set it edits: opens the user's draft
/// (or live, until the first save creates the draft), saves with the version last seen (a stale save
/// comes back as a conflict and overwrites nothing), rebases onto live when live moved, reloads, imports
/// and submits.
/// </summary>
public sealed class DraftStore(
    DraftSession session,
    IChangeSetService changeSets,
    ITargetService targets,
    IRevisionService revisions,
    AuthenticationStateProvider authentication)
{
    private string _targetId = "";

    public DraftSession Session => session;

    /// <summary>Raised when the base, live, the conflicts or the notice changed (a rebase), after the session's own event.</summary>
    public event Action? Changed;

    /// <summary>The change set as last loaded or saved; null until the first save creates it.</summary>
    public ChangeSetView? ChangeSet { get; private set; }

    /// <summary>The revision the edited document is based on: the change set's base, or live before the first save.</summary>
    public RevisionView? Base { get; private set; }

    /// <summary>The target's live revision as last read, for the tester and to tell when live moved.</summary>
    public RevisionView? Live { get; private set; }

    /// <summary>What both live and the draft changed since the base; the draft stays on its base until each is chosen.</summary>
    public IReadOnlyList<MergeConflict> Conflicts { get; private set; } = [];

    /// <summary>A sentence for the author after a rebase ("Live moved to revision 2; …"); null when there is none.</summary>
    public string? Notice { get; private set; }

    /// <summary>The thread and approvals of the open change set; empty before the first save.</summary>
    public ChangeSetThread Thread { get; private set; } = new([], [], 1);

    /// <summary>True when the open change set is in a state its author cannot edit (in review, approved, rejected): the editor shows it read-only.</summary>
    public bool IsReadOnly => ChangeSet is { } changeSet && !ChangeSetLifecycle.EditableStates.Contains(changeSet.State);

    /// <summary>What the signed-in user may do to the open change set now, for the buttons.</summary>
    public IReadOnlySet<ChangeSetAction> Allowed { get; private set; } = new HashSet<ChangeSetAction>();

    /// <summary>True when live is not the revision the draft is based on.</summary>
    public bool LiveMoved => Base is not null && Live is not null && Base.Id != Live.Id;

    /// <summary>
    /// Opens the user's draft for the target, rebased onto live if live moved, keeping unsaved edits of the
    /// same draft; without a draft, the live document. Null when opened, otherwise why not.
    /// </summary>
    public async Task<string?> OpenAsync(string targetId, CancellationToken cancellationToken = default)
    {
        var user = await UserAsync();
        var keepEdits = _targetId == targetId && session.IsDirty;
        _targetId = targetId;
        Live = await targets.GetLiveRevisionAsync(targetId, cancellationToken);
        if (Live is null)
        {
            return $"There is no target \"{targetId}\".";
        }
        if (keepEdits)
        {
            return null;
        }
        Notice = null;
        Conflicts = [];
        if (await changeSets.FindDraftAsync(user, targetId, cancellationToken) is not { } draft)
        {
            ChangeSet = null;
            Base = Live;
            session.Load(Live.Document, Live.Document);
            await RefreshThreadAsync(cancellationToken);
            return null;
        }
        await LoadAsync(draft, cancellationToken);
        await RefreshThreadAsync(cancellationToken);
        if (ChangeSetLifecycle.Find(draft.State, ChangeSetAction.Rebase) is null)
        {
            // Rejected: shown as it is, with its reason, until its author reopens it.
            return null;
        }
        var rebased = await RebaseIfLiveMovedAsync(cancellationToken);
        return rebased is ChangeSetResult.Saved or ChangeSetResult.MergeConflicted ? null : rebased.Message;
    }

    /// <summary>Saves the edits (the first save creates the change set), then rebases when live moved meanwhile.</summary>
    public async Task<ChangeSetResult> SaveAsync(CancellationToken cancellationToken = default)
    {
        var baseRevision = Base ?? throw new InvalidOperationException("No draft is open.");
        var document = session.Document;
        var result = ChangeSet is { } changeSet
            ? await changeSets.SaveDraftAsync(await UserAsync(), changeSet.Id, document, changeSet.Version, cancellationToken)
            : await changeSets.CreateDraftAsync(await UserAsync(), _targetId, baseRevision.Id, document, cancellationToken);
        if (result is not ChangeSetResult.Saved saved)
        {
            return result;
        }
        ChangeSet = saved.ChangeSet;
        session.MarkSaved(document);
        Live = await targets.GetLiveRevisionAsync(_targetId, cancellationToken) ?? Live;
        var rebased = await RebaseIfLiveMovedAsync(cancellationToken);
        // Conflicts are shown in the editor; the save itself went through.
        return rebased is ChangeSetResult.MergeConflicted ? result : rebased;
    }

    /// <summary>Applies the author's choice for every conflict and saves the draft rebased onto live.</summary>
    public async Task<ChangeSetResult> ResolveAsync(IReadOnlyDictionary<string, MergeChoice> choices, CancellationToken cancellationToken = default)
    {
        if (session.IsDirty && await SaveAsync(cancellationToken) is not ChangeSetResult.Saved and var failed)
        {
            return failed;
        }
        var changeSet = ChangeSet ?? throw new InvalidOperationException("No draft is open.");
        var result = await changeSets.RebaseAsync(await UserAsync(), changeSet.Id, changeSet.Version, choices, cancellationToken);
        await TakeRebaseAsync(result, "your choices were applied and the draft is now based on it", cancellationToken);
        return result;
    }

    /// <summary>Throws away unsaved edits and loads what is stored now (after a conflict, say).</summary>
    public async Task<ChangeSetResult> ReloadAsync(CancellationToken cancellationToken = default)
    {
        var changeSet = ChangeSet ?? throw new InvalidOperationException("No draft is open.");
        var current = await changeSets.GetAsync(changeSet.Id, cancellationToken);
        if (current is null)
        {
            return new ChangeSetResult.NotFound("This draft no longer exists.");
        }
        await LoadAsync(current, cancellationToken);
        return new ChangeSetResult.Saved(current);
    }

    /// <summary>Replaces the draft with an imported document; the server validates it again and refuses an invalid one.</summary>
    public async Task<ChangeSetResult> ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        if (ChangeSet is null && await SaveAsync(cancellationToken) is not ChangeSetResult.Saved and var notCreated)
        {
            return notCreated;
        }
        var changeSet = ChangeSet!;
        var result = await changeSets.ImportAsync(await UserAsync(), changeSet.Id, json, changeSet.Version, cancellationToken);
        if (result is ChangeSetResult.Saved saved)
        {
            ChangeSet = saved.ChangeSet;
            session.Load(saved.ChangeSet.Document, session.BaseDocument);
        }
        return result;
    }

    /// <summary>Saves pending edits and rebases onto live if needed, then sends the draft for approval (refused while it has problems or conflicts).</summary>
    public async Task<ChangeSetResult> SubmitAsync(string title, string description, CancellationToken cancellationToken = default)
    {
        if (session.IsDirty && await SaveAsync(cancellationToken) is not ChangeSetResult.Saved and var failed)
        {
            return failed;
        }
        if (ChangeSet is not { } changeSet)
        {
            return new ChangeSetResult.Invalid("There are no changes to submit yet.", []);
        }
        Live = await targets.GetLiveRevisionAsync(_targetId, cancellationToken) ?? Live;
        if (await RebaseIfLiveMovedAsync(cancellationToken) is not ChangeSetResult.Saved and var notRebased)
        {
            return notRebased;
        }
        changeSet = ChangeSet;
        return await TakeMoveAsync(await changeSets.SubmitAsync(await UserAsync(), changeSet.Id, changeSet.Version, title, description, cancellationToken), cancellationToken);
    }

    /// <summary>Takes the change set out of review to edit it again (its approvals are dropped).</summary>
    public async Task<ChangeSetResult> WithdrawAsync(CancellationToken cancellationToken = default) =>
        await TakeMoveAsync(await changeSets.WithdrawAsync(await UserAsync(), Open.Id, Open.Version, cancellationToken), cancellationToken);

    /// <summary>Turns the rejected change set back into a draft.</summary>
    public async Task<ChangeSetResult> ReopenAsync(CancellationToken cancellationToken = default) =>
        await TakeMoveAsync(await changeSets.ReopenAsync(await UserAsync(), Open.Id, Open.Version, cancellationToken), cancellationToken);

    /// <summary>Gives the change set up for good; the editor then shows live, as before a first save.</summary>
    public async Task<ChangeSetResult> AbandonAsync(CancellationToken cancellationToken = default)
    {
        var result = await changeSets.AbandonAsync(await UserAsync(), Open.Id, Open.Version, cancellationToken);
        if (result.IsSaved)
        {
            _targetId = "";
            await OpenAsync(Open.Summary.TargetId, cancellationToken);
        }
        return result;
    }

    public async Task<ChangeSetResult> CommentAsync(string text, CancellationToken cancellationToken = default)
    {
        var result = await changeSets.CommentAsync(await UserAsync(), Open.Id, text, cancellationToken);
        if (result.IsSaved)
        {
            await RefreshThreadAsync(cancellationToken);
        }
        return result;
    }

    private ChangeSetView Open => ChangeSet ?? throw new InvalidOperationException("No change set is open.");

    private async Task<ChangeSetResult> TakeMoveAsync(ChangeSetResult result, CancellationToken cancellationToken)
    {
        if (result is ChangeSetResult.Saved saved)
        {
            ChangeSet = saved.ChangeSet;
            await RefreshThreadAsync(cancellationToken);
        }
        return result;
    }

    private async Task RefreshThreadAsync(CancellationToken cancellationToken)
    {
        var user = await UserAsync();
        Thread = ChangeSet is { } changeSet ? await changeSets.GetThreadAsync(user, changeSet.Id, cancellationToken) ?? Thread : new([], [], 1);
        Allowed = ChangeSet is { } open ? ChangeSetLifecycle.Allowed(user, open.State, open.Summary.AuthorId) : new HashSet<ChangeSetAction>();
        Changed?.Invoke();
    }

    private async Task<ChangeSetResult> RebaseIfLiveMovedAsync(CancellationToken cancellationToken)
    {
        if (ChangeSet is not { } changeSet)
        {
            return new ChangeSetResult.NotFound("No draft is open.");
        }
        if (!LiveMoved)
        {
            return new ChangeSetResult.Saved(changeSet);
        }
        var result = await changeSets.RebaseAsync(await UserAsync(), changeSet.Id, changeSet.Version, null, cancellationToken);
        await TakeRebaseAsync(result, "your changes were rebased onto it", cancellationToken);
        return result;
    }

    private async Task TakeRebaseAsync(ChangeSetResult result, string outcome, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case ChangeSetResult.Saved saved:
                var moved = saved.ChangeSet.Summary.BaseRevisionId != Base?.Id;
                await LoadAsync(saved.ChangeSet, cancellationToken);
                await RefreshThreadAsync(cancellationToken);
                Notice = moved ? $"Live moved to revision {Base?.Summary.Number}; {outcome}." : Notice;
                break;
            case ChangeSetResult.MergeConflicted conflicted:
                Conflicts = conflicted.Conflicts;
                Notice = null;
                break;
        }
        Changed?.Invoke();
    }

    private async Task LoadAsync(ChangeSetView changeSet, CancellationToken cancellationToken)
    {
        Base = changeSet.Summary.BaseRevisionId == Live?.Id ? Live : await revisions.GetAsync(changeSet.Summary.BaseRevisionId, cancellationToken);
        ChangeSet = changeSet;
        Conflicts = [];
        session.Load(changeSet.Document, Base?.Document ?? RulesDocument.Empty);
    }

    private async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}
