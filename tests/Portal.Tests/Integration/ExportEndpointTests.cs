using System.Net;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class ExportEndpointTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ExportRevision_Viewer_DownloadsCanonicalJson()
    {
        await factory.CreateUserAsync("export-viewer@example.com", "Viewer");
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, "export-viewer@example.com", "Str0ng-Password!");

        var response = await browser.GetAsync("/export/revisions/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local-revision-1.json", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("{\n  \"schema\": \"edgeportal.rules/v1\"\n}\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExportChangeSet_Editor_DownloadsDraftAndIsAudited()
    {
        var editor = await factory.CreateUserAsync("export-editor@example.com", "Editor");
        var draft = await factory.WithServicesAsync(s => s.GetRequiredService<IChangeSetService>().GetOrCreateDraftAsync(editor, "local"));
        var id = Assert.IsType<ChangeSetResult.Saved>(draft).ChangeSet.Id;
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, "export-editor@example.com", "Str0ng-Password!");

        var response = await browser.GetAsync($"/export/change-sets/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"local-changeset-{id}.json", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("{\n  \"schema\": \"edgeportal.rules/v1\"\n}\n", await response.Content.ReadAsStringAsync());
        var exported = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents
            .CountAsync(a => a.Action == AuditActions.Exported && a.Subject == $"changeset/{id}" && a.Actor == "export-editor@example.com"));
        Assert.Equal(1, exported);
    }

    [Fact]
    public async Task ExportRevision_Unknown_Is404()
    {
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var response = await browser.GetAsync("/export/revisions/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
