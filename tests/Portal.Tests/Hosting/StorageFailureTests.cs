using EdgePortal.Portal.Data;
using EdgePortal.Portal.Tests.Integration;
using EdgePortal.Rules.Document;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Hosting;

public sealed class StorageFailureTests
{
    [Fact]
    public async Task Save_DiskFullHalfWayThrough_NothingIsWrittenAndTheEditStays()
    {
        var diskFull = new DiskFull { WritesAllowed = 1 };
        await using var factory = new PortalFactory
        {
            ExtraServices = services => services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(diskFull)),
        };
        var author = await factory.NewUserAsync("Editor");
        var editor = factory.EditorOf(author);
        await editor.OpenAsync("local");
        editor.Session.AddRule(RuleSection.Cache);
        var auditBefore = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.CountAsync());
        diskFull.Armed = true;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => editor.SaveAsync());

        diskFull.Armed = false;
        Assert.True(StorageFailure.Is(failure), failure.ToString());
        Assert.Equal(0, await factory.ChangeSetCountAsync(author));
        Assert.Equal(auditBefore, await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.CountAsync()));
        Assert.True(editor.Session.IsDirty);
        Assert.Single(editor.Session.Document.Cache);
    }

    [Fact]
    public async Task SignIn_DiskFailsInProduction_AnswersWithASentenceAndNoStackTrace()
    {
        var diskFull = new DiskFull();
        await using var factory = new PortalFactory
        {
            EnvironmentName = "Production",
            ExtraServices = services => services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(diskFull)),
        };
        using var browser = factory.CreateBrowser();
        _ = await browser.GetStringAsync("/account/login");
        diskFull.Armed = true;

        using var response = await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(StorageFailure.Sentence), body, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_NotAStorageError_IsFalse()
    {
        Assert.False(StorageFailure.Is(new DbUpdateException("x", new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'.", 19))));
        Assert.False(StorageFailure.Is(new InvalidOperationException("x")));
        Assert.True(StorageFailure.Is(new DbUpdateException("x", new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8))));
    }
}
