using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Lifecycle;
using static EdgePortal.Portal.Data.ChangeSetState;
using static EdgePortal.Portal.Services.Lifecycle.ChangeSetAction;

namespace EdgePortal.Portal.Tests.Lifecycle;

/// <summary>The table checked against expectations written by hand, so that a wrong entry fails here.</summary>
public sealed class LifecycleTableTests
{
    public enum Role
    {
        Viewer,
        Editor,
        AuthorEditor,
        Approver,
        AuthorApprover,
        Admin,
    }

    public const string AuthorId = "author";

    public static ClaimsPrincipal UserFor(Role role)
    {
        var id = role is Role.AuthorEditor or Role.AuthorApprover ? AuthorId : $"{role}".ToLowerInvariant();
        var portalRole = role switch
        {
            Role.AuthorEditor => "Editor",
            Role.AuthorApprover => "Approver",
            _ => role.ToString(),
        };
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, $"{id}@example.com"), new Claim(ClaimTypes.Role, portalRole)], "test"));
    }

    /// <summary>The important cells, by hand: null means refused.</summary>
    public static TheoryData<ChangeSetState, ChangeSetAction, Role, ChangeSetState?> ImportantCells => new()
    {
        { Draft, Edit, Role.AuthorEditor, Draft },
        { Draft, Edit, Role.Admin, null },
        { Draft, Submit, Role.AuthorEditor, InReview },
        { Draft, Submit, Role.Admin, null },
        { Draft, Approve, Role.Approver, null },
        { Draft, Abandon, Role.AuthorApprover, Withdrawn },
        { Draft, Comment, Role.Approver, null },
        { InReview, Edit, Role.AuthorEditor, null },
        { InReview, Withdraw, Role.AuthorEditor, Draft },
        { InReview, Withdraw, Role.Approver, null },
        { InReview, Approve, Role.Approver, Approved },
        { InReview, Approve, Role.Admin, Approved },
        { InReview, Approve, Role.AuthorApprover, null },
        { InReview, Approve, Role.Editor, null },
        { InReview, Approve, Role.Viewer, null },
        { InReview, RequestChanges, Role.Admin, ChangesRequested },
        { InReview, RequestChanges, Role.AuthorApprover, null },
        { InReview, Reject, Role.Approver, Rejected },
        { InReview, Reject, Role.AuthorApprover, null },
        { InReview, Comment, Role.Approver, InReview },
        { InReview, Comment, Role.AuthorEditor, InReview },
        { InReview, Comment, Role.Editor, null },
        { InReview, Comment, Role.Viewer, null },
        { ChangesRequested, Edit, Role.AuthorEditor, ChangesRequested },
        { ChangesRequested, Submit, Role.AuthorEditor, InReview },
        { ChangesRequested, Approve, Role.Approver, null },
        { Approved, Withdraw, Role.AuthorEditor, Draft },
        { Approved, Edit, Role.AuthorEditor, null },
        { Approved, Approve, Role.Admin, null },
        { Approved, Publish, Role.Approver, Approved },
        { Approved, Publish, Role.AuthorApprover, Approved },
        { Approved, Publish, Role.AuthorEditor, null },
        { Failed, Publish, Role.Admin, Failed },
        { Failed, Withdraw, Role.AuthorEditor, Draft },
        { Rejected, Reopen, Role.AuthorEditor, Draft },
        { Rejected, Reopen, Role.Admin, null },
        { Rejected, Abandon, Role.AuthorEditor, Withdrawn },
        { Rejected, Edit, Role.AuthorEditor, null },
        { Rejected, Submit, Role.AuthorEditor, null },
        { Published, Withdraw, Role.AuthorEditor, null },
        { Published, Comment, Role.Admin, null },
        { Published, Publish, Role.Admin, null },
        { Withdrawn, Reopen, Role.AuthorEditor, null },
        { Withdrawn, Comment, Role.AuthorEditor, null },
    };

    [Theory]
    [MemberData(nameof(ImportantCells))]
    public void Decide_ImportantCell_MatchesTheHandWrittenExpectation(ChangeSetState state, ChangeSetAction action, Role role, ChangeSetState? expected)
    {
        var decision = ChangeSetLifecycle.Decide(UserFor(role), state, AuthorId, "author@example.com", action);

        Assert.Equal(expected is not null, decision.Allowed);
        if (expected is { } to)
        {
            Assert.Equal(to, decision.To);
            Assert.Null(decision.Refusal);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(decision.Refusal));
        }
    }

    [Fact]
    public void Decide_AnyUserAndASystemMove_IsRefused()
    {
        var checkedCells = 0;
        foreach (var state in Enum.GetValues<ChangeSetState>())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                foreach (var action in new[] { PublishSucceeded, PublishFailed })
                {
                    Assert.Equal("Only the publisher records how a publish ended.", ChangeSetLifecycle.Decide(UserFor(role), state, AuthorId, "a", action).Refusal);
                    checkedCells++;
                }
            }
        }
        Assert.Equal(8 * 6 * 2, checkedCells);
    }

    [Fact]
    public void SystemMove_PublishEnds_MoveApprovedAndFailedOnly()
    {
        Assert.Equal(Published, ChangeSetLifecycle.SystemMove(Approved, PublishSucceeded));
        Assert.Equal(Failed, ChangeSetLifecycle.SystemMove(Approved, PublishFailed));
        Assert.Equal(Published, ChangeSetLifecycle.SystemMove(Failed, PublishSucceeded));
        Assert.Null(ChangeSetLifecycle.SystemMove(Published, PublishSucceeded));
        Assert.Null(ChangeSetLifecycle.SystemMove(Draft, PublishFailed));
    }

    [Fact]
    public void Moves_OneRowPerCellAndOneMoverPerAction()
    {
        Assert.Equal(ChangeSetLifecycle.Moves.Count, ChangeSetLifecycle.Moves.Select(m => (m.From, m.Action)).Distinct().Count());
        // Except Comment, which a draft keeps to its author: who may act does not depend on the state.
        Assert.All(ChangeSetLifecycle.Moves.Where(m => m.Action != Comment).GroupBy(m => m.Action), g => Assert.Single(g.Select(m => m.Who).Distinct()));
        Assert.True(ChangeSetLifecycle.IsTerminal(Published));
        Assert.True(ChangeSetLifecycle.IsTerminal(Withdrawn));
        Assert.Equal([Draft, ChangesRequested], ChangeSetLifecycle.EditableStates);
        Assert.All(Enum.GetValues<ChangeSetState>().Where(s => s is not Published and not Withdrawn), s => Assert.False(ChangeSetLifecycle.IsTerminal(s)));
    }

    [Fact]
    public void Decide_RefusalSentences_NameTheRoleTheAuthorOrTheState()
    {
        Assert.Equal("Your role (Viewer) cannot change drafts; an Editor, Approver or Admin can.",
            ChangeSetLifecycle.Decide(UserFor(Role.Viewer), Draft, AuthorId, "ann@example.com", Edit).Refusal);
        Assert.Equal("Only its author (ann@example.com) can withdraw this change set.",
            ChangeSetLifecycle.Decide(UserFor(Role.Admin), InReview, AuthorId, "ann@example.com", Withdraw).Refusal);
        Assert.Equal("This change set is in review; it cannot be edited; withdraw it to edit again.",
            ChangeSetLifecycle.Decide(UserFor(Role.AuthorEditor), InReview, AuthorId, "ann@example.com", Edit).Refusal);
        Assert.Equal("This change set is waiting for its author's changes; it cannot be approved.",
            ChangeSetLifecycle.Decide(UserFor(Role.Approver), ChangesRequested, AuthorId, "ann@example.com", Approve).Refusal);
    }
}
