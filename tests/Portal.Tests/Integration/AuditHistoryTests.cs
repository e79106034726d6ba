using System.Net;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Each test has its own portal: tampering with one database must not break another test's chain.</summary>
public sealed class AuditHistoryTests
{
    [Fact]
    public async Task Verify_AfterSeveralActions_ReportsChainIntact()
    {
        await using var factory = new PortalFactory();
        var (approver, _) = await ApproveAndRejectAsync(factory);

        var result = await HistoryAsync(factory, h => h.VerifyAsync(approver));

        Assert.True(result.Intact, result.Message);
        Assert.True(result.Checked >= 8, $"only {result.Checked} events were checked");
        Assert.Equal($"{result.Checked} events, chain intact.", result.Message);
    }

    [Fact]
    public async Task Verify_RowChangedInSqlite_ReportsThatEvent()
    {
        await using var factory = new PortalFactory();
        var (approver, rejectedId) = await ApproveAndRejectAsync(factory);
        var page = await HistoryAsync(factory, h => h.QueryAsync(new AuditQuery(Action: AuditActions.ChangeSetRejected), 0, 10));
        var tampered = Assert.Single(page.Events);
        Assert.Equal($"changeset/{rejectedId}", tampered.Subject);

        await using (var connection = new SqliteConnection($"Data Source={factory.DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE AuditEvents SET DetailsJson = '{\"reason\":\"fine after all\"}' WHERE Id = $id";
            command.Parameters.AddWithValue("$id", tampered.Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var result = await HistoryAsync(factory, h => h.VerifyAsync(approver));

        Assert.False(result.Intact);
        Assert.Equal(tampered.Id, result.BrokenEventId);
        Assert.Equal(AuditActions.ChangeSetRejected, result.BrokenAction);
        Assert.StartsWith($"Event #{tampered.Id} (changeset.rejected) differs from what was sealed: its fields do not match its seal", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_Approver_GetsOnlyFilteredEvents()
    {
        await using var factory = new PortalFactory();
        var (approver, rejectedId) = await ApproveAndRejectAsync(factory);
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, approver.Identity!.Name!, ApprovalsScenario.Password);

        var response = await browser.GetAsync(AuditEndpoints.Link("csv", new AuditQuery(Action: AuditActions.ChangeSetRejected)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("id,time,actor,action,target,subject,details,previousSeal,seal,sealKeyId", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains($",{approver.Identity.Name},changeset.rejected,local,changeset/{rejectedId},", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_Editor_IsRefused()
    {
        await using var factory = new PortalFactory();
        var editor = await factory.NewUserAsync("Editor");
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, editor.Identity!.Name!, ApprovalsScenario.Password);

        var response = await browser.GetAsync("/audit/export/csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("previousSeal", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await HistoryAsync(factory, h => h.ExportCsvAsync(editor, new AuditQuery(), new MemoryStream())));
    }

    [Fact]
    public async Task ExportJsonLines_Approver_OneObjectPerEventWithSealsAndIsAudited()
    {
        await using var factory = new PortalFactory();
        var (approver, rejectedId) = await ApproveAndRejectAsync(factory);
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, approver.Identity!.Name!, ApprovalsScenario.Password);

        var response = await browser.GetAsync(AuditEndpoints.Link("jsonl", new AuditQuery(Text: $"changeset/{rejectedId}")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var events = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events, e => Assert.Equal($"changeset/{rejectedId}", e.GetProperty("subject").GetString()));
        Assert.Contains(events, e => e.GetProperty("action").GetString() == AuditActions.ChangeSetRejected);
        Assert.All(events, e => Assert.Equal(64, e.GetProperty("seal").GetString()!.Length));
        var exported = await HistoryAsync(factory, h => h.QueryAsync(new AuditQuery(Action: AuditActions.AuditExported), 0, 10));
        Assert.Equal(approver.Identity.Name, Assert.Single(exported.Events).Actor);
    }

    [Fact]
    public async Task AuditPage_Editor_IsSentToAccessDenied()
    {
        await using var factory = new PortalFactory();
        var editor = await factory.NewUserAsync("Editor");
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, editor.Identity!.Name!, ApprovalsScenario.Password);

        var response = await browser.GetAsync("/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", BrowserForms.RedirectPath(response), StringComparison.Ordinal);
    }

    /// <summary>Two change sets by an editor: one approved, one rejected. Returns the approver and the rejected one's id.</summary>
    private static async Task<(System.Security.Claims.ClaimsPrincipal Approver, long RejectedId)> ApproveAndRejectAsync(PortalFactory factory)
    {
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var first = await factory.ChangeSetOfAsync(author);
        await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, first.Id, first.Version, null)));
        var second = await factory.ChangeSetOfAsync(author);
        await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.RejectAsync(approver, second.Id, second.Version, "needs a description")));
        return (approver, second.Id);
    }

    private static Task<T> HistoryAsync<T>(PortalFactory factory, Func<IAuditHistory, Task<T>> call) =>
        factory.WithServicesAsync(s => call(s.GetRequiredService<IAuditHistory>()));
}
