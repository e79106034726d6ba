using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Lifecycle;

/// <summary>Approval rules per target, the thread, and approvals dropped by any change after submission. Each test has its own portal.</summary>
public sealed class ApprovalCountTests
{
    [Fact]
    public async Task Approve_TargetNeedsTwo_FirstStaysInReviewSecondApprovesAndMakesTheRevision()
    {
        await using var factory = new PortalFactory();
        await RequireAsync(factory, 2);
        var author = await factory.NewUserAsync("Editor");
        var first = await factory.NewUserAsync("Approver");
        var second = await factory.NewUserAsync("Admin");
        var submitted = await factory.ChangeSetOfAsync(author);

        var once = await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(first, submitted.Id, submitted.Version, "fine by me")));
        var review = await factory.ApprovalsAsync(s => s.GetReviewAsync(second, submitted.Id));
        var twice = await factory.ApprovalsAsync(s => s.ApproveAsync(first, once.Id, once.Version, null));
        var done = await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(second, once.Id, once.Version, null)));

        Assert.Equal(ChangeSetState.InReview, once.State);
        Assert.Equal("1 of 2 approvals", review!.Thread.ApprovalCount);
        var firstReview = await factory.ApprovalsAsync(s => s.GetReviewAsync(first, submitted.Id));
        Assert.DoesNotContain(Portal.Services.Lifecycle.ChangeSetAction.Approve, firstReview!.Allowed);
        Assert.Equal(ApprovalService.AlreadyApproved, firstReview.Decision.Reason);
        Assert.Contains(Portal.Services.Lifecycle.ChangeSetAction.Approve, review.Allowed);
        Assert.Null(review.ApprovedRevision);
        Assert.Equal("You approved this change set already; one approval per person, so it needs someone else's.", Assert.IsType<ChangeSetResult.Invalid>(twice).Message);
        Assert.Equal(ChangeSetState.Approved, done.State);
        var revision = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().Revisions.SingleAsync(r => r.ChangeSetId == submitted.Id));
        Assert.Contains($"approved by {first.Identity!.Name}, {second.Identity!.Name}", revision.Message, StringComparison.Ordinal);
        var thread = (await factory.ChangeSetsAsync(s => s.GetThreadAsync(author, submitted.Id)))!;
        Assert.Equal([ChangeSetCommentKind.Approved, ChangeSetCommentKind.Approved], thread.Comments.Select(c => c.Kind));
        Assert.Equal("fine by me", thread.Comments[0].Text);
    }

    [Fact]
    public async Task Withdraw_AfterAnApproval_DropsItAndSaysSoOnTheThread()
    {
        await using var factory = new PortalFactory();
        await RequireAsync(factory, 2);
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author);
        var approved = await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, submitted.Id, submitted.Version, null)));

        var withdrawn = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.WithdrawAsync(author, approved.Id, approved.Version)));

        Assert.Equal(ChangeSetState.Draft, withdrawn.State);
        var thread = (await factory.ChangeSetsAsync(s => s.GetThreadAsync(author, submitted.Id)))!;
        Assert.Empty(thread.Approvals);
        Assert.Equal($"The approval ({approver.Identity!.Name}) dropped: {author.Identity!.Name} withdrew the change set to edit it.", thread.Comments[^1].Text);
        Assert.Equal(ChangeSetCommentKind.ApprovalsDropped, thread.Comments[^1].Kind);
        Assert.Contains(AuditActions.ChangeSetWithdrawn, await factory.AuditActionsAsync(submitted.Id));
    }

    [Fact]
    public async Task Edit_ChangesRequestedAfterAnApproval_DropsTheApprovalAndResubmits()
    {
        await using var factory = new PortalFactory();
        await RequireAsync(factory, 2);
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var other = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author);
        var approved = await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, submitted.Id, submitted.Version, null)));
        var sentBack = await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.RequestChangesAsync(other, approved.Id, approved.Version, "Add fr-CA too.")));

        var edited = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.SaveDraftAsync(author, sentBack.Id, ApprovalsScenario.OneRedirect with { Cache = [] }, sentBack.Version)));
        var resubmitted = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.SubmitAsync(author, edited.Id, edited.Version, "Canada, with fr-CA", "Both sites.")));

        Assert.Equal(ChangeSetState.ChangesRequested, sentBack.State);
        Assert.Equal(ChangeSetState.ChangesRequested, edited.State);
        Assert.Equal(ChangeSetState.InReview, resubmitted.State);
        Assert.Equal("Canada, with fr-CA", resubmitted.Summary.Title);
        var thread = (await factory.ChangeSetsAsync(s => s.GetThreadAsync(other, submitted.Id)))!;
        Assert.Equal("0 of 2 approvals", thread.ApprovalCount);
        Assert.Equal([ChangeSetCommentKind.Approved, ChangeSetCommentKind.ChangesRequested, ChangeSetCommentKind.ApprovalsDropped], thread.Comments.Select(c => c.Kind));
        Assert.Equal("Add fr-CA too.", thread.LastDecision!.Text);
    }

    [Fact]
    public async Task Submit_WithoutDescription_IsRefusedNamingTheField()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var draft = await factory.ChangeSetOfAsync(author, submit: false);

        var noDescription = await factory.ChangeSetsAsync(s => s.SubmitAsync(author, draft.Id, draft.Version, "A title", "  "));
        var noTitle = await factory.ChangeSetsAsync(s => s.SubmitAsync(author, draft.Id, draft.Version, "", "Why"));

        Assert.StartsWith("description: say what the change set does and why", Assert.IsType<ChangeSetResult.Invalid>(noDescription).Message, StringComparison.Ordinal);
        Assert.StartsWith("title: ", Assert.IsType<ChangeSetResult.Invalid>(noTitle).Message, StringComparison.Ordinal);
        Assert.Equal(ChangeSetState.Draft, (await factory.ChangeSetsAsync(s => s.GetAsync(draft.Id)))!.State);
    }

    [Fact]
    public async Task Comment_AuthorAndReviewer_AreOnTheThreadAndAuditedAndTooLongIsRefused()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author);

        await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.CommentAsync(approver, submitted.Id, "Why Canada only?")));
        await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.CommentAsync(author, submitted.Id, "The US follows next week.")));
        var tooLong = await factory.ChangeSetsAsync(s => s.CommentAsync(author, submitted.Id, new string('x', 4001)));

        var thread = (await factory.ChangeSetsAsync(s => s.GetThreadAsync(approver, submitted.Id)))!;
        Assert.Equal(["Why Canada only?", "The US follows next week."], thread.Comments.Select(c => c.Text));
        Assert.Equal(approver.Identity!.Name, thread.Comments[0].AuthorName);
        Assert.Equal("text: write a comment of 1 to 4000 characters.", Assert.IsType<ChangeSetResult.Invalid>(tooLong).Message);
        Assert.Equal(2, (await factory.AuditActionsAsync(submitted.Id)).Count(a => a == AuditActions.ChangeSetCommented));
        // A comment is not a change: the version the approver holds still approves.
        await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, submitted.Id, submitted.Version, null)));
    }

    private static Task<int> RequireAsync(PortalFactory factory, int approvals) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().Targets.Where(t => t.Id == "local")
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.ApprovalsRequired, approvals)));
}
