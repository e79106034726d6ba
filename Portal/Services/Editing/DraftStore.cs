using System.Security.Claims;
using EdgePortal.Rules.Document;
using Microsoft.AspNetCore.Components.Authorization;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>
/// Connects the circuit's <see cref="DraftSession"/> to the change set it edits: opens the user's draft,
/// saves with the version last seen (a stale save comes back as a conflict and overwrites nothing),
/// reloads, imports and submits.
/// </summary>
public sealed class DraftStore(
    DraftSession session,
    IChangeSetService changeSets,
    ITargetService targets,
    IRevisionService revisions,
    AuthenticationStateProvider authentication)
{
    public DraftSession Session => session;

    /// <summary>The change set as last loaded or saved; its version is what the next save sends.</summary>
    public ChangeSetView? ChangeSet { get; private set; }

    /// <summary>The target's live revision, for the tester's side-by-side answer; null before the first one.</summary>
    public RevisionView? Live { get; private set; }

    /// <summary>Opens the user's draft for the target (creating it from live), keeping unsaved edits of the same draft.</summary>
    public async Task<ChangeSetResult> OpenAsync(string targetId, CancellationToken cancellationToken = default)
    {
        var result = await changeSets.GetOrCreateDraftAsync(await UserAsync(), targetId, cancellationToken);
        if (result is ChangeSetResult.Saved saved)
        {
            var sameDraft = ChangeSet?.Id == saved.ChangeSet.Id && session.IsDirty;
            Live = await targets.GetLiveRevisionAsync(targetId, cancellationToken);
            if (!sameDraft)
            {
                await LoadAsync(saved.ChangeSet, cancellationToken);
            }
        }
        return result;
    }

    public async Task<ChangeSetResult> SaveAsync(CancellationToken cancellationToken = default)
    {
        var changeSet = ChangeSet ?? throw new InvalidOperationException("No draft is open.");
        var document = session.Document;
        var result = await changeSets.SaveDraftAsync(await UserAsync(), changeSet.Id, document, changeSet.Version, cancellationToken);
        if (result is ChangeSetResult.Saved saved)
        {
            ChangeSet = saved.ChangeSet;
            session.MarkSaved(document);
        }
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
        var changeSet = ChangeSet ?? throw new InvalidOperationException("No draft is open.");
        var result = await changeSets.ImportAsync(await UserAsync(), changeSet.Id, json, changeSet.Version, cancellationToken);
        if (result is ChangeSetResult.Saved saved)
        {
            ChangeSet = saved.ChangeSet;
            session.Load(saved.ChangeSet.Document, session.BaseDocument);
        }
        return result;
    }

    /// <summary>Saves pending edits, then sends the draft for approval (refused while it has problems).</summary>
    public async Task<ChangeSetResult> SubmitAsync(CancellationToken cancellationToken = default)
    {
        if (session.IsDirty && await SaveAsync(cancellationToken) is not ChangeSetResult.Saved and var failed)
        {
            return failed;
        }
        var changeSet = ChangeSet ?? throw new InvalidOperationException("No draft is open.");
        var result = await changeSets.SubmitAsync(await UserAsync(), changeSet.Id, changeSet.Version, cancellationToken);
        if (result is ChangeSetResult.Saved saved)
        {
            ChangeSet = saved.ChangeSet;
        }
        return result;
    }

    private async Task LoadAsync(ChangeSetView changeSet, CancellationToken cancellationToken)
    {
        var baseRevision = await revisions.GetAsync(changeSet.Summary.BaseRevisionId, cancellationToken);
        ChangeSet = changeSet;
        session.Load(changeSet.Document, baseRevision?.Document ?? RulesDocument.Empty);
    }

    private async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}
