using System.Net;
using System.Text.Json;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Tests.Integration;

namespace EdgePortal.Portal.Tests.Api;

/// <summary>From a draft to live over the API alone, with two tokens: an Editor proposes, an Approver approves and publishes.</summary>
public sealed class ApiStoryTests : IAsyncLifetime
{
    private readonly PublishingPortal _portal = new();

    [Fact]
    public async Task DraftToLive_TwoTokens_PublishesAndTheLiveHandlerAnswers()
    {
        var editor = await _portal.App.ApiUserAsync(PortalRoles.Editor);
        var approver = await _portal.App.ApiUserAsync(PortalRoles.Approver);

        var created = await editor.Client.PostAsync("/api/v1/targets/local/change-sets",
            ApiClients.Json(new { title = "Canada home", description = "CA visitors go home.", document = ApiClients.OneRedirectElement }));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.PostAsync($"/api/v1/change-sets/{id}/submit", null)).StatusCode);
        var approved = await approver.Client.PostAsync($"/api/v1/change-sets/{id}/approve", ApiClients.Json(new { comment = "Looks right." }));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var publish = await approver.Client.PostAsync($"/api/v1/change-sets/{id}/publish", null);
        Assert.Equal(HttpStatusCode.Accepted, publish.StatusCode);
        var deploymentId = (await publish.JsonAsync()).GetProperty("deploymentId").GetString()!;
        Assert.Equal($"/api/v1/deployments/{deploymentId}", publish.Headers.Location?.OriginalString);
        await _portal.FinishedAsync(deploymentId);

        var deployment = await (await editor.Client.GetAsync($"/api/v1/deployments/{deploymentId}")).JsonAsync();
        Assert.Equal("Succeeded", deployment.GetProperty("state").GetString());
        Assert.EndsWith(":1", deployment.GetProperty("versionArn").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(deployment.GetProperty("invalidationId").GetString()));
        Assert.Contains(deployment.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "Live");
        var listed = await (await editor.Client.GetAsync("/api/v1/targets/local/deployments")).JsonAsync();
        Assert.Equal(deploymentId, listed[0].GetProperty("id").GetString());

        var live = await (await editor.Client.GetAsync("/api/v1/targets/local/live")).JsonAsync();
        Assert.Equal(2, live.GetProperty("number").GetInt32());
        Assert.Equal("ca-home", live.GetProperty("document").GetProperty("redirects")[0].GetProperty("id").GetString());
        var revisions = await (await editor.Client.GetAsync("/api/v1/targets/local/revisions")).JsonAsync();
        Assert.Equal([2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        var detail = await (await editor.Client.GetAsync($"/api/v1/change-sets/{id}")).JsonAsync();
        Assert.Equal("Published", detail.GetProperty("changeSet").GetProperty("state").GetString());

        await _portal.DeployedAsync();
        var tried = await editor.Client.PostAsync("/api/v1/targets/local/try", ApiClients.Json(new { uri = "/shop", country = "CA" }));
        Assert.Equal(HttpStatusCode.OK, tried.StatusCode);
        var answer = await tried.JsonAsync();
        Assert.Equal("redirect", answer.GetProperty("action").GetString());
        Assert.Equal("https://ca.example.com/", answer.GetProperty("location").GetString());
        Assert.Equal("ca-home", answer.GetProperty("ruleId").GetString());
        Assert.Equal(2, answer.GetProperty("revision").GetInt32());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("handlerError").ValueKind);
        Assert.Equal("https://ca.example.com/", answer.GetProperty("handler").GetProperty("headers").GetProperty("location")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Try_BadEventOrUri_Is400NamingTheField()
    {
        var viewer = await _portal.App.ApiUserAsync(PortalRoles.Viewer);

        var badEvent = await viewer.Client.PostAsync("/api/v1/targets/local/try", ApiClients.Json(new { uri = "/", @event = "viewer-request" }));
        var badUri = await viewer.Client.PostAsync("/api/v1/targets/local/try", ApiClients.Json(new { uri = "shop" }));
        var badCountry = await viewer.Client.PostAsync("/api/v1/targets/local/try", ApiClients.Json(new { uri = "/", country = "Canada" }));
        var noTarget = await viewer.Client.PostAsync("/api/v1/targets/nowhere/try", ApiClients.Json(new { uri = "/" }));

        Assert.Equal(["/event"], await badEvent.ErrorKeysAsync());
        Assert.Equal(["/uri"], await badUri.ErrorKeysAsync());
        Assert.Equal(["/country"], await badCountry.ErrorKeysAsync());
        Assert.Equal(HttpStatusCode.NotFound, noTarget.StatusCode);
    }

    [Fact]
    public async Task Targets_Viewer_ListsTheLocalTargetWithItsLiveRevision()
    {
        var viewer = await _portal.App.ApiUserAsync(PortalRoles.Viewer);

        var targets = await (await viewer.Client.GetAsync("/api/v1/targets")).JsonAsync();
        var unknown = await viewer.Client.GetAsync("/api/v1/targets/nowhere/live");
        var unknownRevisions = await viewer.Client.GetAsync("/api/v1/targets/nowhere/revisions");

        var local = Assert.Single(targets.EnumerateArray(), t => t.GetProperty("id").GetString() == "local");
        Assert.Equal("Local", local.GetProperty("kind").GetString());
        Assert.Equal(1, local.GetProperty("liveRevision").GetProperty("number").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRevisions.StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
