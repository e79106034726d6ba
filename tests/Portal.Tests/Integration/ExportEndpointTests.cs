using System.Net;

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
    public async Task ExportRevision_Unknown_Is404()
    {
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var response = await browser.GetAsync("/export/revisions/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
