using System.Net;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>An unsubmitted draft is read only by its author and Admins: in the list, the review, the service export and the download.</summary>
public sealed class DraftVisibilityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Services_ViewerOnAnotherUsersDraft_SeeNothing()
    {
        var (id, _) = await DraftAsync("draft-author-1@example.com");
        var viewer = await factory.CreateUserAsync("draft-viewer-1@example.com", PortalRoles.Viewer);

        var listed = await factory.WithServicesAsync(s => s.GetRequiredService<IApprovalService>().ListAsync(viewer, state: ChangeSetState.Draft));
        var review = await factory.WithServicesAsync(s => s.GetRequiredService<IApprovalService>().GetReviewAsync(viewer, id));
        var export = await factory.WithServicesAsync(s => s.GetRequiredService<IChangeSetService>().ExportAsync(viewer, id));

        Assert.DoesNotContain(listed, c => c.Id == id);
        Assert.Null(review);
        Assert.Null(export);
    }

    [Fact]
    public async Task Services_AuthorAndAdmin_ReadTheDraft()
    {
        var (id, author) = await DraftAsync("draft-author-2@example.com");
        var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);

        foreach (var reader in new[] { author, admin })
        {
            var listed = await factory.WithServicesAsync(s => s.GetRequiredService<IApprovalService>().ListAsync(reader, state: ChangeSetState.Draft));
            var review = await factory.WithServicesAsync(s => s.GetRequiredService<IApprovalService>().GetReviewAsync(reader, id));
            var export = await factory.WithServicesAsync(s => s.GetRequiredService<IChangeSetService>().ExportAsync(reader, id));

            Assert.Contains(listed, c => c.Id == id);
            Assert.NotNull(review);
            Assert.NotNull(export);
        }
    }

    [Fact]
    public async Task ExportChangeSet_ViewerOnAnotherUsersDraft_Is404WithASentence()
    {
        var (id, _) = await DraftAsync("draft-author-3@example.com");
        await factory.CreateUserAsync("draft-viewer-3@example.com", PortalRoles.Viewer);
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, "draft-viewer-3@example.com", "Str0ng-Password!");

        var response = await browser.GetAsync($"/export/change-sets/{id}");
        var page = await browser.GetStringAsync($"/change-sets/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"There is no change set {id}, or it is a draft only its author and Admins can read.", await response.Content.ReadAsStringAsync());
        Assert.Contains($"There is no change set {id}, or it is a draft only its author and Admins can read.", page, StringComparison.Ordinal);
    }

    private async Task<(long Id, System.Security.Claims.ClaimsPrincipal Author)> DraftAsync(string email)
    {
        var author = await factory.CreateUserAsync(email, PortalRoles.Editor);
        var draft = await factory.WithServicesAsync(s => s.GetRequiredService<IChangeSetService>().GetOrCreateDraftAsync(author, "local"));
        return (Assert.IsType<ChangeSetResult.Saved>(draft).ChangeSet.Id, author);
    }
}
