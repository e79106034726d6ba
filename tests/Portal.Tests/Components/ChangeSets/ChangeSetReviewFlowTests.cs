using System.Security.Claims;
using Bunit;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Components.Pages.Audit;
using EdgePortal.Portal.Components.Pages.ChangeSets;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EdgePortal.Portal.Tests.Components.ChangeSets;

/// <summary>The pages over the real services and database: approve through the dialog, verify the chain.</summary>
public sealed class ChangeSetReviewFlowTests(PortalFactory factory) : MudTestContext, IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ReviewPage_ApproverConfirmsInDialog_ShowsReadyToPublish()
    {
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author);
        SignIn(approver, PortalRoles.Approver);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();

        var page = Render<ChangeSetReviewPage>(p => p.Add(c => c.Id, submitted.Id));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=approve]").HasAttribute("disabled")));
        page.Find("[data-testid=approve]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("textarea").Change("checked with the CA team"));
        dialogs.Find("[data-testid=decision-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("Approved — ready to publish.", page.Find("[data-testid=decision-result]").TextContent.Trim()));
        Assert.Contains("Approved — ready to publish", page.Find("[data-testid=state-chip]").TextContent, StringComparison.Ordinal);
        Assert.Contains("checked with the CA team", page.Find("[data-testid=approved]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_Verify_ShowsChainIntact()
    {
        var approver = await factory.NewUserAsync("Approver");
        SignIn(approver, PortalRoles.Approver);

        var page = RenderWithProviders<AuditHistoryPage>();
        page.WaitForAssertion(() => Assert.Contains("user.added", page.Find("[data-testid=audit-table]").TextContent, StringComparison.Ordinal));
        page.Find("[data-testid=verify]").Click();

        page.WaitForAssertion(() => Assert.Matches(@"^\d+ events, chain intact\.$", page.Find("[data-testid=verify-result]").TextContent.Trim()));
    }

    private void SignIn(ClaimsPrincipal user, string role)
    {
        var db = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var audit = factory.Services.GetRequiredService<AuditLog>();
        Services.AddSingleton<IApprovalService>(new ApprovalService(db, audit, TimeProvider.System, factory.Services.GetRequiredService<PublishPlanner>()));
        Services.AddSingleton(factory.Services.GetRequiredService<IChangeSetPlans>());
        Services.AddSingleton(factory.Services.CreateScope().ServiceProvider.GetRequiredService<IEmergencyPublishing>());
        // The portal's own (scoped) promotion service; the scope lives as long as the test's services.
        Services.AddSingleton(factory.Services.CreateScope().ServiceProvider.GetRequiredService<Services.Targets.IPromotionService>());
        Services.AddSingleton(factory.Services.GetRequiredService<DraftDocumentCache>());
        Services.AddSingleton<IChangeSetService>(new ChangeSetService(db, audit, factory.Services.GetRequiredService<DraftDocumentCache>(), TimeProvider.System));
        Services.AddSingleton<IAuditHistory>(new AuditHistory(db, audit, factory.Services.GetRequiredService<AuditVerifier>(), factory.Services.GetRequiredService<AuditCheckpoints>()));
        var auth = AddAuthorization();
        auth.SetAuthorized(user.Identity!.Name!);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.FindFirstValue(ClaimTypes.NameIdentifier)!));
    }
}
