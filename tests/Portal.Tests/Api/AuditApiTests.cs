using System.Net;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Tests.Integration;

namespace EdgePortal.Portal.Tests.Api;

public sealed class AuditApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Query_Approver_FiltersAndPages()
    {
        var approver = await factory.ApiUserAsync(PortalRoles.Approver);

        var response = await approver.Client.GetAsync($"/api/v1/audit?action=token&actor={Uri.EscapeDataString(approver.Email)}&pageSize=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.JsonAsync();
        var only = Assert.Single(page.GetProperty("events").EnumerateArray());
        Assert.Equal(AuditActions.TokenCreated, only.GetProperty("action").GetString());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/export.csv")]
    [InlineData("/export.jsonl")]
    public async Task Audit_Editor_Is403(string path)
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);

        var response = await editor.Client.GetAsync($"/api/v1/audit{path}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("The audit history is for Approvers and Admins.", await response.ProblemAsync());
    }

    [Theory]
    [InlineData("from=yesterday", "/from")]
    [InlineData("pageSize=1000", "/pageSize")]
    [InlineData("page=-1", "/page")]
    public async Task Query_BadFilter_Is400NamingIt(string query, string field)
    {
        var approver = await factory.ApiUserAsync(PortalRoles.Approver);

        var response = await approver.Client.GetAsync($"/api/v1/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorKeysAsync());
    }

    [Fact]
    public async Task Export_CsvAndJsonLines_StreamTheFilteredEvents()
    {
        var approver = await factory.ApiUserAsync(PortalRoles.Approver);
        var filter = $"actor={Uri.EscapeDataString(approver.Email)}&action={AuditActions.TokenCreated}";

        var csv = await approver.Client.GetAsync($"/api/v1/audit/export.csv?{filter}");
        var jsonl = await approver.Client.GetAsync($"/api/v1/audit/export.jsonl?{filter}");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.StartsWith("id,time,actor,action", rows[0], StringComparison.Ordinal);
        Assert.Contains(AuditActions.TokenCreated, Assert.Single(rows[1..]), StringComparison.Ordinal);
        Assert.Equal("application/x-ndjson", jsonl.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"action\":\"{AuditActions.TokenCreated}\"", Assert.Single((await jsonl.Content.ReadAsStringAsync()).Trim().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Approver_SaysTheChainIsIntact_AndEditor_Is403()
    {
        var approver = await factory.ApiUserAsync(PortalRoles.Approver);
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);

        var verified = await approver.Client.PostAsync("/api/v1/audit/verify", null);
        var refused = await editor.Client.PostAsync("/api/v1/audit/verify", null);

        var result = await verified.JsonAsync();
        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.True(result.GetProperty("checked").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
