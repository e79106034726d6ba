using System.Net;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>What a request can put into the audit history, and how it comes out again.</summary>
public sealed class AuditInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task FailedSignIn_FourMebibyteEmail_RecordsASmallNormalisedRow()
    {
        var typed = "  MALLORY@Example.COM\u200b\u0007" + new string('x', 4 * 1024 * 1024 - 64);
        var browser = factory.CreateBrowser();

        var response = await BrowserForms.SignInAsync(browser, typed, "whatever-it-is");
        var row = await NewestAsync(AuditActions.LoginFailed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("mallory@example.comxxxx", row.Actor, StringComparison.Ordinal);
        Assert.EndsWith($"… ({typed.Trim().Length} characters typed)", row.Actor, StringComparison.Ordinal);
        Assert.True(row.Actor.Length <= 254, $"actor is {row.Actor.Length} characters");
        Assert.True(row.Subject!.Length <= AuditText.MaxName, $"subject is {row.Subject.Length} characters");
        Assert.True(row.Actor.Length + row.Subject.Length + row.DetailsJson.Length < 1024);
    }

    [Fact]
    public async Task ExportCsv_CellThatWouldRunAsAFormula_IsPrefixedWithAQuote()
    {
        var formula = "=HYPERLINK(\"http://evil.example\",\"click@here\")";
        await BrowserForms.SignInAsync(factory.CreateBrowser(), formula, "whatever-it-is");
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var csv = await browser.GetStringAsync(AuditEndpoints.Link("csv", new AuditQuery(Action: AuditActions.LoginFailed)));

        Assert.Contains(",\"'=hyperlink(\"\"http://evil.example\"\",\"\"click@here\"\")\",account.login-failed,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=hyperlink", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("{\"a\":\"=1\"}", "{\"a\":\"=1\"}")]
    [InlineData("", "")]
    public void SpreadsheetSafe_LeadingCharacter_IsQuotedOnlyWhenItStartsAFormula(string cell, string expected) =>
        Assert.Equal(expected, AuditHistory.SpreadsheetSafe(cell));

    [Fact]
    public async Task Add_LongComment_IsCutInsideTheDetailsAndSaysHowMuch()
    {
        var row = await factory.WithServicesAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var added = s.GetRequiredService<AuditLog>().Add(db, new string('a', 1000), "test.long", new string('t', 100), new string('s', 1000),
                new { comment = new string('c', 20_000), title = "kept" });
            await db.SaveChangesAsync();
            return added;
        });

        Assert.Equal(AuditText.MaxName, row.Actor.Length);
        Assert.Equal(AuditText.MaxName, row.Subject!.Length);
        Assert.Equal(AuditText.MaxTargetId, row.TargetId!.Length);
        Assert.True(row.DetailsJson.Length < AuditText.MaxDetails, $"details are {row.DetailsJson.Length} characters");
        var details = System.Text.Json.JsonDocument.Parse(row.DetailsJson).RootElement;
        Assert.Equal("kept", details.GetProperty("title").GetString());
        var comment = details.GetProperty("comment").GetString()!;
        Assert.Equal(AuditText.MaxDetailString, comment.Length);
        Assert.EndsWith($"… ({20_000 - AuditText.MaxDetailString} more characters)", comment, StringComparison.Ordinal);
    }

    private Task<AuditEvent> NewestAsync(string action) => factory.WithServicesAsync(s =>
        s.GetRequiredService<PortalDbContext>().AuditEvents.Where(e => e.Action == action).OrderByDescending(e => e.Id).FirstAsync());
}
