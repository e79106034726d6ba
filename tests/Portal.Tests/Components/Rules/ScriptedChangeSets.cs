using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Components.Rules;

/// <summary>
/// Change set, target and revision services that answer from memory, with the next save's answer
/// set by the test; only what the draft toolbar calls is implemented.
/// </summary>
internal sealed class ScriptedChangeSets : IChangeSetService, ITargetService, IRevisionService
{
    private static readonly RevisionSummary Revision = new(1, "local", 1, "", null, "system", DateTimeOffset.UnixEpoch, "Initial", null);

    public ChangeSetView Stored { get; set; } = new(
        new ChangeSetSummary(7, "local", 1, "editor", "editor@example.com", "Draft", "", ChangeSetState.Draft, Guid.NewGuid(),
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "editor@example.com"),
        RulesDocument.Empty);

    /// <summary>The answer to the next save; null to store it.</summary>
    public ChangeSetResult? NextSave { get; set; }

    public Task<ChangeSetResult> GetOrCreateDraftAsync(ClaimsPrincipal user, string targetId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ChangeSetResult>(new ChangeSetResult.Saved(Stored));

    public Task<ChangeSetView?> FindDraftAsync(ClaimsPrincipal user, string targetId, CancellationToken cancellationToken = default) => Task.FromResult<ChangeSetView?>(Stored);

    public Task<ChangeSetResult> CreateDraftAsync(ClaimsPrincipal user, string targetId, long baseRevisionId, RulesDocument document, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    // Live never moves here, so a rebase has nothing to do.
    public Task<ChangeSetResult> RebaseAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, IReadOnlyDictionary<string, EdgePortal.Rules.Merge.MergeChoice>? choices = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<ChangeSetResult>(new ChangeSetResult.Saved(Stored));

    public Task<ChangeSetView?> GetAsync(long changeSetId, CancellationToken cancellationToken = default) => Task.FromResult<ChangeSetView?>(Stored);

    /// <summary>Thrown by the next save, as the database would throw it; null to answer normally.</summary>
    public Exception? NextSaveFailure { get; set; }

    public Task<ChangeSetResult> SaveDraftAsync(ClaimsPrincipal user, long changeSetId, RulesDocument document, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (NextSaveFailure is { } failure)
        {
            NextSaveFailure = null;
            return Task.FromException<ChangeSetResult>(failure);
        }
        if (NextSave is { } answer)
        {
            NextSave = null;
            return Task.FromResult(answer);
        }
        Stored = Stored with { Summary = Stored.Summary with { Version = Guid.NewGuid() }, Document = document };
        return Task.FromResult<ChangeSetResult>(new ChangeSetResult.Saved(Stored));
    }

    public Task<ChangeSetResult> SubmitAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string title, string description, CancellationToken cancellationToken = default) =>
        Task.FromResult<ChangeSetResult>(new ChangeSetResult.Saved(Stored));

    public Task<RevisionView?> GetLiveRevisionAsync(string targetId, CancellationToken cancellationToken = default) =>
        Task.FromResult<RevisionView?>(new RevisionView(Revision, "{}", RulesDocument.Empty));

    Task<RevisionView?> IRevisionService.GetAsync(long revisionId, CancellationToken cancellationToken) => GetLiveRevisionAsync("local", cancellationToken);

    public Task<IReadOnlyList<ChangeSetSummary>> ListAsync(string? targetId = null, string? authorId = null, ChangeSetState? state = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> EditAsync(ClaimsPrincipal user, long changeSetId, Func<RulesDocument, RulesDocument> edit, string description, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> UpdateRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, int index, IRule rule, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> AddRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, IRule rule, int? index, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> DeleteRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, int index, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> MoveRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, int fromIndex, int toIndex, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> RenameAsync(ClaimsPrincipal user, long changeSetId, string title, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> ImportAsync(ClaimsPrincipal user, long changeSetId, string json, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DocumentExport?> ExportAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> AbandonAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> DescribeAsync(ClaimsPrincipal user, long changeSetId, string title, string description, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> WithdrawAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> ReopenAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeSetResult> CommentAsync(ClaimsPrincipal user, long changeSetId, string text, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Portal.Services.Lifecycle.ChangeSetThread?> GetThreadAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default) =>
        Task.FromResult<Portal.Services.Lifecycle.ChangeSetThread?>(new([], [], 1));

    public Task<IReadOnlyList<TargetView>> ListAsync(CancellationToken cancellationToken = default, bool includeRetired = false) => throw new NotSupportedException();

    Task<TargetView?> ITargetService.GetAsync(string targetId, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyList<RevisionSummary>> IRevisionService.ListAsync(string targetId, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<DocumentExport?> IRevisionService.ExportAsync(ClaimsPrincipal user, long revisionId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
