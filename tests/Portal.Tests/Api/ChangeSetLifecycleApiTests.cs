using System.Net;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Tests.Integration;

namespace EdgePortal.Portal.Tests.Api;

/// <summary>The change set's life over the API: the same table as the pages decides, the same thread is shown.</summary>
public sealed class ChangeSetLifecycleApiTests : IAsyncLifetime
{
    private readonly PublishingPortal _portal = new();

    [Fact]
    public async Task RequestChangesWithdrawAndComment_ThroughTheApi_FollowTheLifecycleAndShowTheThread()
    {
        var editor = await _portal.App.ApiUserAsync(PortalRoles.Editor);
        var approver = await _portal.App.ApiUserAsync(PortalRoles.Approver);
        var created = await editor.Client.PostAsync("/api/v1/targets/local/change-sets",
            ApiClients.Json(new { title = "Canada home", description = "CA visitors go home.", document = ApiClients.OneRedirectElement }));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal("CA visitors go home.", (await created.JsonAsync()).GetProperty("description").GetString());

        Assert.Equal(HttpStatusCode.OK, (await editor.Client.PostAsync($"/api/v1/change-sets/{id}/submit", null)).StatusCode);
        var noReason = await approver.Client.PostAsync($"/api/v1/change-sets/{id}/request-changes", ApiClients.Json(new { }));
        var asked = await approver.Client.PostAsync($"/api/v1/change-sets/{id}/request-changes", ApiClients.Json(new { reason = "Say which page." }));
        var ownRequest = await editor.Client.PostAsync($"/api/v1/change-sets/{id}/request-changes", ApiClients.Json(new { reason = "Mine." }));

        Assert.NotEqual(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("ChangesRequested", (await asked.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, ownRequest.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await editor.Client.PostAsync($"/api/v1/change-sets/{id}/comments", ApiClients.Json(new { text = "The home page." }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.PostAsync($"/api/v1/change-sets/{id}/submit", null)).StatusCode);
        var withdrawn = await editor.Client.PostAsync($"/api/v1/change-sets/{id}/withdraw", null);
        Assert.Equal("Draft", (await withdrawn.JsonAsync()).GetProperty("state").GetString());

        var detail = await (await editor.Client.GetAsync($"/api/v1/change-sets/{id}")).JsonAsync();
        var thread = detail.GetProperty("comments").EnumerateArray().Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("text").GetString())).ToList();
        Assert.Contains(("ChangesRequested", "Say which page."), thread);
        Assert.Contains(("Comment", "The home page."), thread);
        Assert.Equal("0 of 1 approval", detail.GetProperty("approvalCount").GetString());
        Assert.Contains("Submit", detail.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Approve_ByTheApprover_StoresThePublishPlanShownInTheChangeSet()
    {
        var editor = await _portal.App.ApiUserAsync(PortalRoles.Editor);
        var approver = await _portal.App.ApiUserAsync(PortalRoles.Approver);
        var created = await editor.Client.PostAsync("/api/v1/targets/local/change-sets",
            ApiClients.Json(new { title = "Canada home", description = "CA visitors go home.", document = ApiClients.OneRedirectElement }));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        await editor.Client.PostAsync($"/api/v1/change-sets/{id}/submit", null);

        var before = await (await approver.Client.GetAsync($"/api/v1/change-sets/{id}")).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await approver.Client.PostAsync($"/api/v1/change-sets/{id}/approve", ApiClients.Json(new { comment = "Yes." }))).StatusCode);
        var after = await (await approver.Client.GetAsync($"/api/v1/change-sets/{id}")).JsonAsync();

        Assert.False(before.GetProperty("planApproved").GetBoolean());
        Assert.True(after.GetProperty("planApproved").GetBoolean());
        var plan = after.GetProperty("publishPlan");
        Assert.Equal(64, plan.GetProperty("documentSha256").GetString()!.Length);
        Assert.False(string.IsNullOrEmpty(plan.GetProperty("codeSha256").GetString()));
        Assert.True(plan.GetProperty("packageBytes").GetInt64() > 0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
