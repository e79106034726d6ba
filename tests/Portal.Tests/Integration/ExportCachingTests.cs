using System.Net;
using EdgePortal.Portal.Services;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class ExportCachingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EveryExport_IsServedWithCacheControlNoStore()
    {
        var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);
        var draft = await factory.WithServicesAsync(s => s.GetRequiredService<IChangeSetService>().GetOrCreateDraftAsync(admin, "local"));
        var changeSetId = Assert.IsType<ChangeSetResult.Saved>(draft).ChangeSet.Id;
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        string[] exports = ["/export/revisions/1", $"/export/change-sets/{changeSetId}", "/audit/export/csv", "/audit/export/jsonl"];
        foreach (var path in exports)
        {
            var response = await browser.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
        }
    }
}
