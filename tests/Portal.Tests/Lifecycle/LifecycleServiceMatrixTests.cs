using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Portal.Tests.Integration;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Role = EdgePortal.Portal.Tests.Lifecycle.LifecycleTableTests.Role;

namespace EdgePortal.Portal.Tests.Lifecycle;

/// <summary>
/// Every state × action × role through the real services, driven from the lifecycle table: a cell the table
/// allows must be saved with the table's next state; a cell it refuses must be refused with nothing changed.
/// The hand-written cells in <see cref="LifecycleTableTests"/> pin the table itself.
/// </summary>
public sealed class LifecycleServiceMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ChangeSetAction[] _userActions =
        [.. Enum.GetValues<ChangeSetAction>().Where(a => a is not ChangeSetAction.Publish and not ChangeSetAction.PublishSucceeded and not ChangeSetAction.PublishFailed)];

    [Fact]
    public async Task Services_EveryStateActionAndRole_DoWhatTheTableSays()
    {
        var users = new Dictionary<Role, ClaimsPrincipal>
        {
            [Role.Viewer] = await factory.NewUserAsync("Viewer"),
            [Role.Editor] = await factory.NewUserAsync("Editor"),
            [Role.AuthorEditor] = await factory.NewUserAsync("Editor"),
            [Role.Approver] = await factory.NewUserAsync("Approver"),
            [Role.AuthorApprover] = await factory.NewUserAsync("Approver"),
            [Role.Admin] = await factory.NewUserAsync("Admin"),
        };
        var (olderId, liveId) = await MoveLiveAsync();
        var mismatches = new List<string>();
        var cells = 0;
        foreach (var state in Enum.GetValues<ChangeSetState>())
        {
            foreach (var action in _userActions)
            {
                foreach (var (role, user) in users)
                {
                    var author = role == Role.AuthorApprover ? users[Role.AuthorApprover] : users[Role.AuthorEditor];
                    // Rebasing needs live to have moved past the base; everything else is based on live.
                    var changeSet = await InsertAsync(author, state, action == ChangeSetAction.Rebase ? olderId : liveId);
                    var expected = ChangeSetLifecycle.Decide(user, state, changeSet.AuthorId, changeSet.AuthorName, action);
                    var result = await RunAsync(action, user, changeSet);
                    var stored = await StateOfAsync(changeSet.Id);
                    var wanted = expected.Allowed ? expected.To : state;
                    if (result.IsSaved != expected.Allowed || stored != wanted || (!expected.Allowed && result.Message != expected.Refusal))
                    {
                        mismatches.Add($"{state} × {action} × {role}: table {(expected.Allowed ? $"allows → {expected.To}" : $"refuses ({expected.Refusal})")}; service {result.GetType().Name} ({result.Message}), stored {stored}");
                    }
                    await RetireAsync(changeSet.Id);
                    cells++;
                }
            }
        }

        Assert.Empty(mismatches);
        Assert.Equal(8 * 10 * 6, cells);
    }

    private Task<ChangeSetResult> RunAsync(ChangeSetAction action, ClaimsPrincipal user, ChangeSet changeSet) => factory.WithServicesAsync(s =>
    {
        var changeSets = s.GetRequiredService<IChangeSetService>();
        var approvals = s.GetRequiredService<IApprovalService>();
        var (id, version) = (changeSet.Id, changeSet.Version);
        return action switch
        {
            ChangeSetAction.Edit => changeSets.SaveDraftAsync(user, id, ApprovalsScenario.OneRedirect with { Cache = [new CacheRule { Id = "c", Path = "/c/*", MaxAge = 60 }] }, version),
            ChangeSetAction.Rebase => changeSets.RebaseAsync(user, id, version),
            ChangeSetAction.Submit => changeSets.SubmitAsync(user, id, version, ApprovalsScenario.Title, ApprovalsScenario.Description),
            ChangeSetAction.Withdraw => changeSets.WithdrawAsync(user, id, version),
            ChangeSetAction.Reopen => changeSets.ReopenAsync(user, id, version),
            ChangeSetAction.Abandon => changeSets.AbandonAsync(user, id, version),
            ChangeSetAction.Comment => changeSets.CommentAsync(user, id, "Looks right to me."),
            ChangeSetAction.Approve => approvals.ApproveAsync(user, id, version, null),
            ChangeSetAction.RequestChanges => approvals.RequestChangesAsync(user, id, version, "Add the fr-CA site too."),
            ChangeSetAction.Reject => approvals.RejectAsync(user, id, version, "Canada is not ours to redirect."),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a user's move."),
        };
    });

    /// <summary>A second revision with the same document goes live, so a change set based on the first can be rebased cleanly.</summary>
    private Task<(long Older, long Live)> MoveLiveAsync() => factory.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var live = await db.Targets.Where(t => t.Id == "local").Join(db.Revisions, t => t.LiveRevisionId, r => r.Id, (t, r) => r).AsNoTracking().SingleAsync();
        var next = new Revision
        {
            TargetId = "local", Number = live.Number + 1, DocumentJson = live.DocumentJson, Sha256 = live.Sha256, ParentRevisionId = live.Id,
            AuthorId = "system", AuthorName = "system", CreatedAt = DateTimeOffset.UtcNow, Message = "Same document, live again",
        };
        db.Revisions.Add(next);
        await db.SaveChangesAsync();
        await db.Targets.Where(t => t.Id == "local").ExecuteUpdateAsync(u => u.SetProperty(t => t.LiveRevisionId, next.Id));
        return (live.Id, next.Id);
    });

    private Task<ChangeSet> InsertAsync(ClaimsPrincipal author, ChangeSetState state, long baseRevisionId) => factory.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var now = DateTimeOffset.UtcNow;
        var changeSet = new ChangeSet
        {
            TargetId = "local", BaseRevisionId = baseRevisionId, AuthorId = author.FindFirstValue(ClaimTypes.NameIdentifier)!, AuthorName = author.Identity!.Name!,
            Title = ApprovalsScenario.Title, Description = ApprovalsScenario.Description, DocumentJson = RulesDocumentJson.Serialize(ApprovalsScenario.OneRedirect),
            State = state, Version = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now, UpdatedBy = author.Identity.Name!,
        };
        db.ChangeSets.Add(changeSet);
        await db.SaveChangesAsync();
        return changeSet;
    });

    private Task<ChangeSetState> StateOfAsync(long id) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().ChangeSets.Where(c => c.Id == id).Select(c => c.State).SingleAsync());

    /// <summary>Ends the cell's change set, so the next cell's author has no other editable one.</summary>
    private Task<int> RetireAsync(long id) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().ChangeSets.Where(c => c.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ChangeSetState.Withdrawn)));
}
