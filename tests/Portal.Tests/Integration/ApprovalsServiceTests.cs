using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class ApprovalsServiceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Approve_AuthorEvenAsAdmin_IsForbiddenAndNothingChanges()
    {
        var admin = await factory.NewUserAsync("Admin");
        var submitted = await factory.ChangeSetOfAsync(admin);

        var result = await factory.ApprovalsAsync(s => s.ApproveAsync(admin, submitted.Id, submitted.Version, "looks fine to me"));

        var forbidden = Assert.IsType<ChangeSetResult.Forbidden>(result);
        Assert.Equal("You wrote this change set; a second person must approve, request changes or reject it.", forbidden.Message);
        Assert.Equal(ChangeSetState.InReview, (await factory.ChangeSetsAsync(s => s.GetAsync(submitted.Id)))!.State);
        Assert.Null(await RevisionOfAsync(submitted.Id));
    }

    [Fact]
    public async Task Approve_Editor_IsForbidden()
    {
        var author = await factory.NewUserAsync("Editor");
        var editor = await factory.NewUserAsync("Editor");
        var submitted = await factory.ChangeSetOfAsync(author);

        var result = await factory.ApprovalsAsync(s => s.ApproveAsync(editor, submitted.Id, submitted.Version, null));

        Assert.Equal("Your role (Editor) cannot approve, request changes or reject; an Approver or Admin can.", Assert.IsType<ChangeSetResult.Forbidden>(result).Message);
        Assert.Null(await RevisionOfAsync(submitted.Id));
    }

    [Fact]
    public async Task Approve_ApproverOnSubmitted_CreatesRevisionAndMarksApproved()
    {
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author);

        var result = await factory.ApprovalsAsync(s => s.ApproveAsync(approver, submitted.Id, submitted.Version, "checked the CA redirect"));

        Assert.Equal(ChangeSetState.Approved, Assert.IsType<ChangeSetResult.Saved>(result).ChangeSet.State);
        var revision = Assert.IsType<Revision>(await RevisionOfAsync(submitted.Id));
        Assert.Equal(RulesDocumentJson.Serialize(ApprovalsScenario.OneRedirect), revision.DocumentJson);
        Assert.Equal(RulesDocumentJson.Sha256(ApprovalsScenario.OneRedirect), revision.Sha256);
        Assert.Equal(submitted.Summary.BaseRevisionId, revision.ParentRevisionId);
        Assert.Equal(author.Identity!.Name, revision.AuthorName);
        Assert.Contains($"approved by {approver.Identity!.Name}: checked the CA redirect", revision.Message, StringComparison.Ordinal);
        var review = await factory.ApprovalsAsync(s => s.GetReviewAsync(approver, submitted.Id));
        Assert.Equal(revision.Id, review!.ApprovedRevision!.Id);
        var approved = await EventAsync(submitted.Id, AuditActions.ChangeSetApproved);
        Assert.Equal(approver.Identity.Name, approved.Actor);
        Assert.Contains("checked the CA redirect", approved.DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_StaleVersion_ConflictsAndCreatesNothing()
    {
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author);

        var result = await factory.ApprovalsAsync(s => s.ApproveAsync(approver, submitted.Id, Guid.NewGuid(), null));

        Assert.Matches(@"^.+ changed this change set at \d\d:\d\d UTC; reload to see it as it is now\.$", Assert.IsType<ChangeSetResult.Conflict>(result).Message);
        Assert.Null(await RevisionOfAsync(submitted.Id));
    }

    [Fact]
    public async Task Approve_DraftNotSubmitted_IsRefused()
    {
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var draft = await factory.ChangeSetOfAsync(author, submit: false);

        var result = await factory.ApprovalsAsync(s => s.ApproveAsync(approver, draft.Id, draft.Version, null));

        Assert.Equal("This change set is a draft; it cannot be approved; its author has not submitted it.", Assert.IsType<ChangeSetResult.Invalid>(result).Message);
        Assert.Null(await RevisionOfAsync(draft.Id));
    }

    [Fact]
    public async Task Reject_WithoutReason_IsInvalidAndStaysSubmitted()
    {
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author);

        var result = await factory.ApprovalsAsync(s => s.RejectAsync(approver, submitted.Id, submitted.Version, "   "));

        Assert.StartsWith("reason: say why", Assert.IsType<ChangeSetResult.Invalid>(result).Message, StringComparison.Ordinal);
        Assert.Equal(ChangeSetState.InReview, (await factory.ChangeSetsAsync(s => s.GetAsync(submitted.Id)))!.State);
    }

    [Fact]
    public async Task Reject_WithReason_IsAuditedAndTheAuthorCanReopen()
    {
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author);

        var rejected = await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.RejectAsync(approver, submitted.Id, submitted.Version, "Canada needs the fr-CA site too")));
        var reopened = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.ReopenAsync(author, rejected.Id, rejected.Version)));

        Assert.Equal(ChangeSetState.Rejected, rejected.State);
        Assert.Equal(ChangeSetState.Draft, reopened.State);
        var audited = await EventAsync(submitted.Id, AuditActions.ChangeSetRejected);
        Assert.Equal(approver.Identity!.Name, audited.Actor);
        Assert.Contains("Canada needs the fr-CA site too", audited.DetailsJson, StringComparison.Ordinal);
    }

    private Task<Revision?> RevisionOfAsync(long changeSetId) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.ChangeSetId == changeSetId));

    private Task<AuditEvent> EventAsync(long changeSetId, string action) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.AsNoTracking()
            .SingleAsync(a => a.Subject == $"changeset/{changeSetId}" && a.Action == action));
}
