using System.Security.Claims;
using Bunit;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Components.Pages.ChangeSets;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Rules.Diff;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Invalidation;
using EdgePortal.Rules.Lint;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Components.ChangeSets;

public sealed class ChangeSetReviewPageTests : MudTestContext
{
    private const string AuthorId = "author-1";

    private static readonly RulesDocument _draft = RulesDocument.Empty with
    {
        Redirects = [new RedirectRule { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/" }],
    };

    [Fact]
    public void ReviewPage_Author_SeesDiffSentencesAndNoDecisionButtonsButTheReason()
    {
        SignIn(AuthorId, PortalRoles.Admin);

        var page = RenderWithProviders<ChangeSetReviewPage>(p => p.Add(c => c.Id, 7));

        page.WaitForAssertion(() => Assert.Equal("Changes to Local", page.Find("[data-testid=review-title]").TextContent));
        var sentences = page.FindAll("[data-testid=diff-sentences] li").Select(li => li.TextContent).ToList();
        Assert.Equal(DocumentDiff.Compare(RulesDocument.Empty, _draft).Sentences.ToList(), sentences);
        Assert.NotEmpty(sentences);
        Assert.Empty(page.FindAll("[data-testid=approve]"));
        Assert.Empty(page.FindAll("[data-testid=request-changes]"));
        Assert.Empty(page.FindAll("[data-testid=reject]"));
        Assert.Equal("You wrote this change set; a second person must approve, request changes or reject it.", page.Find("[data-testid=decision-reason]").TextContent);
    }

    [Fact]
    public void ReviewPage_AnotherApprover_SeesApproveRequestChangesAndReject()
    {
        SignIn("approver-2", PortalRoles.Approver);

        var page = RenderWithProviders<ChangeSetReviewPage>(p => p.Add(c => c.Id, 7));

        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=approve]").HasAttribute("disabled")));
        Assert.False(page.Find("[data-testid=request-changes]").HasAttribute("disabled"));
        Assert.False(page.Find("[data-testid=reject]").HasAttribute("disabled"));
        Assert.Equal("0 of 2 approvals", page.Find("[data-testid=approval-count]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=decision-reason]"));
        Assert.Contains("/*", page.Find("[data-testid=plan-paths]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewPage_LiveMovedSinceTheBase_RefusesApprovalWithTheSentenceButAllowsReject()
    {
        const string stale = "Change set 7 is based on revision 1, but revision 2 is live on local; the author must rebase it first.";
        SignIn("approver-2", PortalRoles.Approver, new OneSubmittedChangeSet { StaleBase = stale });

        var page = RenderWithProviders<ChangeSetReviewPage>(p => p.Add(c => c.Id, 7));

        page.WaitForAssertion(() => Assert.Contains(stale, page.Find("[data-testid=live-changed]").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("[data-testid=approve]").HasAttribute("disabled"));
        Assert.False(page.Find("[data-testid=reject]").HasAttribute("disabled"));
    }

    private void SignIn(string userId, string role, OneSubmittedChangeSet? approvals = null)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"{userId}@example.com");
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Services.AddSingleton<IApprovalService>(approvals ?? new OneSubmittedChangeSet());
        Services.AddSingleton<IChangeSetService>(new Rules.ScriptedChangeSets());
    }

    /// <summary>One submitted change set by <see cref="AuthorId"/>; the decision comes from the real service's rules.</summary>
    private sealed class OneSubmittedChangeSet : IApprovalService
    {
        /// <summary>The refusal the real service gives while live is not the change set's base; null when it is.</summary>
        public string? StaleBase { get; init; }

        public Task<ChangeSetReview?> GetReviewAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default)
        {
            var now = DateTimeOffset.UnixEpoch;
            var entity = new ChangeSet
            {
                Id = changeSetId, TargetId = "local", BaseRevisionId = 1, AuthorId = AuthorId, AuthorName = "ann@example.com",
                Title = "Changes to Local", DocumentJson = RulesDocumentJson.Serialize(_draft), State = ChangeSetState.InReview,
                Version = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now, UpdatedBy = "ann@example.com",
            };
            var summary = new ChangeSetSummary(entity.Id, "local", 1, AuthorId, entity.AuthorName, entity.Title, "Sends Canada to its own site.", entity.State, entity.Version, now, now, entity.UpdatedBy);
            var revision = new RevisionSummary(1, "local", 1, new string('0', 64), null, "system", now, "Empty document", null);
            var live = StaleBase is null ? revision : revision with { Id = 2, Number = 2 };
            return Task.FromResult<ChangeSetReview?>(new ChangeSetReview(
                new ChangeSetView(summary, _draft), revision, live,
                DocumentDiff.Compare(RulesDocument.Empty, _draft), StaleBase is null ? null : DocumentDiff.Compare(RulesDocument.Empty, _draft), DocumentLinter.Lint(_draft), [],
                InvalidationPlanner.Plan(RulesDocument.Empty, _draft), null, ApprovalService.Decide(user, entity), StaleBase,
                new ChangeSetThread([], [], 2), ChangeSetLifecycle.Allowed(user, entity.State, entity.AuthorId)));
        }

        public Task<IReadOnlyList<ChangeSetSummary>> ListAsync(ClaimsPrincipal user, string? targetId = null, ChangeSetState? state = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ChangeSetSummary>>([]);

        public Task<ChangeSetResult> ApproveAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string? comment, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The page must not approve in this test.");

        public Task<ChangeSetResult> RejectAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The page must not reject in this test.");

        public Task<ChangeSetResult> RequestChangesAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The page must not request changes in this test.");
    }
}
