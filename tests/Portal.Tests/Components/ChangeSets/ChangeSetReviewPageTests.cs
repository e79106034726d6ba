using System.Security.Claims;
using Bunit;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Components.Pages.ChangeSets;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Targets;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Portal.Services.Publishing;
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

    [Fact]
    public void ReviewPage_DocumentRunsOnTheTargetProductionRequires_OffersPromoteToProduction()
    {
        SignIn("editor-3", PortalRoles.Editor, promotions: [new PromotionOffer("prod", "Production")]);

        var page = RenderWithProviders<ChangeSetReviewPage>(p => p.Add(c => c.Id, 7));

        page.WaitForAssertion(() => Assert.Equal("Promote to Production", page.Find("[data-testid=promote-prod]").TextContent.Trim()));
        Assert.Contains("Production (prod) requires that first", page.Find("[data-testid=promote-offer-prod]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewPage_NothingToPromote_OffersNoPromotion()
    {
        SignIn("editor-3", PortalRoles.Editor);

        var page = RenderWithProviders<ChangeSetReviewPage>(p => p.Add(c => c.Id, 7));

        page.WaitForAssertion(() => Assert.Equal("Changes to Local", page.Find("[data-testid=review-title]").TextContent));
        Assert.Empty(page.FindAll("[data-testid^=promote-]"));
    }

    private void SignIn(string userId, string role, OneSubmittedChangeSet? approvals = null, IReadOnlyList<PromotionOffer>? promotions = null)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"{userId}@example.com");
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Services.AddSingleton<IApprovalService>(approvals ?? new OneSubmittedChangeSet());
        Services.AddSingleton<IPromotionService>(new Offers(promotions ?? []));
        Services.AddSingleton<IChangeSetPlans>(new PlanOfTheDraft());
        Services.AddSingleton<IEmergencyPublishing>(new NoEmergency());
        Services.AddSingleton<IChangeSetService>(new Rules.ScriptedChangeSets());
    }

    [Fact]
    public void ReviewPage_Approver_SeesThePublishPlanBeforeTheApproveButton()
    {
        SignIn("approver-2", PortalRoles.Approver);

        var page = RenderWithProviders<ChangeSetReviewPage>(p => p.Add(c => c.Id, 7));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=publish-plan]")));
        var sha = page.Find("[data-testid=plan-document-sha]");
        Assert.Equal(PlanOfTheDraft.Plan.DocumentSha256, sha.GetAttribute("title"));
        Assert.Equal(PlanOfTheDraft.Plan.DocumentSha256[..12] + "…", sha.TextContent);
        Assert.Equal("#1 · live #1", page.Find("[data-testid=plan-base]").TextContent.Trim());
        Assert.Contains("1,234 bytes", page.Find("[data-testid=plan-build]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Invalidation: 1 path billed", page.Find("[data-testid=plan-billed-count]").TextContent.Trim());
        Assert.Contains("cache behaviours * get the new version for origin-request and origin-response; geo restriction: unchanged",
            System.Text.RegularExpressions.Regex.Replace(page.Find("[data-testid=plan-distribution]").TextContent, @"\s+", " "), StringComparison.Ordinal);
        var markup = page.Markup;
        Assert.True(markup.IndexOf("data-testid=\"publish-plan\"", StringComparison.Ordinal) < markup.IndexOf("data-testid=\"approve\"", StringComparison.Ordinal));
    }

    /// <summary>The plan approving would approve: one path, a 1,234-byte build, the default behaviour.</summary>
    private sealed class PlanOfTheDraft : IChangeSetPlans
    {
        public static PublishPlan Plan { get; } = new()
        {
            TargetId = "local", RevisionId = 2, RevisionNumber = 2, DocumentSha256 = new string('a', 64), BaseRevisionId = 1, BaseRevisionNumber = 1,
            LiveRevisionId = 1, LiveRevisionNumber = 1, CodeSha256 = "Q29kZVNoYTI1Ng==", PackageBytes = 1234,
            InvalidationPaths = [new PlanPath("/*", ["redirects[0] (ca-home) added"])],
            Distribution = new DistributionChange(["*"], ["origin-request", "origin-response"], null),
            Settings = new TargetFingerprint("edgeportal-local", "ELOCAL", ["*"], ["origin-request", "origin-response"], 3000, 15, false),
        };

        public Task<ChangeSetPlan?> ForReviewAsync(long changeSetId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ChangeSetPlan?>(new ChangeSetPlan(Plan, false));
    }

    private sealed class NoEmergency : IEmergencyPublishing
    {
        public Task<PublishResult> PublishAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The page must not publish in this test.");

        public Task<EmergencyStatus?> StatusAsync(long changeSetId, CancellationToken cancellationToken = default) => Task.FromResult<EmergencyStatus?>(null);

        public Task<IReadOnlyList<ChangeSetSummary>> NeedingReviewAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ChangeSetSummary>>([]);

        public Task<ChangeSetResult> AcknowledgeAsync(ClaimsPrincipal user, long changeSetId, string comment, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The page must not acknowledge in this test.");
    }

    /// <summary>One submitted change set by <see cref="AuthorId"/>; the decision comes from the real service's rules.</summary>
    /// <summary>Offers what it is given; promoting is not what these tests look at.</summary>
    private sealed class Offers(IReadOnlyList<PromotionOffer> offers) : IPromotionService
    {
        public Task<IReadOnlyList<PromotionOffer>> OffersAsync(long changeSetId, CancellationToken cancellationToken = default) => Task.FromResult(offers);

        public Task<ChangeSetResult> PromoteAsync(ClaimsPrincipal user, long changeSetId, string targetId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ChangeSetResult>(new ChangeSetResult.NotFound("not in this test"));
    }

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
