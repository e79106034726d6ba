using System.Net;
using System.Text.Json;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Hosting;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Api;

public sealed class ChangeSetsApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Create_Editor_Is201WithTheDraft()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);

        var response = await CreateAsync(editor, "Canada home");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Canada home", body.GetProperty("title").GetString());
        Assert.Equal("Draft", body.GetProperty("state").GetString());
        Assert.Equal(1, body.GetProperty("baseRevisionId").GetInt64());
        Assert.Equal($"/api/v1/change-sets/{body.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        Assert.True(Guid.TryParse(body.GetProperty("version").GetString(), out _));
    }

    [Fact]
    public async Task Create_Viewer_Is403WithTheEditorsSentence()
    {
        var viewer = await factory.ApiUserAsync(PortalRoles.Viewer);

        var response = await CreateAsync(viewer, "Not allowed");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Your role (Viewer) cannot change drafts; an Editor, Approver or Admin can.", await response.ProblemAsync());
    }

    [Fact]
    public async Task Create_Twice_Is409NamingTheOpenDraft()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);
        var first = await (await CreateAsync(editor, "First")).JsonAsync();

        var response = await CreateAsync(editor, "Second");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(first.GetProperty("id").GetInt64(), (await response.JsonAsync()).GetProperty("changeSetId").GetInt64());
    }

    [Fact]
    public async Task Create_UnknownTarget_Is404()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);

        var response = await editor.Client.PostAsync("/api/v1/targets/nowhere/change-sets", ApiClients.Json(new { title = "x", document = ApiClients.OneRedirectElement }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no target \"nowhere\".", await response.ProblemAsync());
    }

    [Theory]
    [InlineData("{\"title\": ", "/title")]
    [InlineData("[1, 2]", "/body")]
    [InlineData("{\"title\": 5, \"document\": {}}", "/title")]
    [InlineData("{\"document\": {\"schema\": \"edgeportal.rules/v1\"}}", "/title")]
    [InlineData("{\"title\": \"t\"}", "/document")]
    [InlineData("{\"title\": \"t\", \"document\": {\"schema\": \"edgeportal.rules/v1\", \"redirects\": [{\"id\": \"a\", \"path\": \"/x\"}]}}", "/document/redirects/0/location")]
    public async Task Create_BadBody_Is400NamingTheField(string body, string pointer)
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);

        var response = await editor.Client.PostAsync("/api/v1/targets/local/change-sets", ApiClients.RawJson(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(pointer, await response.ErrorKeysAsync());
        Assert.Equal(0, await DraftsOfAsync(editor.Email));
    }

    [Fact]
    public async Task Create_OversizeBody_Is413AndStoresNothing()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);
        var huge = "{\"title\": \"" + new string('x', (int)HostingLimits.MaxRequestBodyBytes) + "\"}";

        var response = await editor.Client.PostAsync("/api/v1/targets/local/change-sets", ApiClients.RawJson(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("/body", await response.ErrorKeysAsync());
        Assert.Equal(0, await DraftsOfAsync(editor.Email));
    }

    [Fact]
    public async Task Get_ShowsDiffSentencesAndDocument()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);
        var id = (await (await CreateAsync(editor, "Canada")).JsonAsync()).GetProperty("id").GetInt64();

        var body = await (await editor.Client.GetAsync($"/api/v1/change-sets/{id}")).JsonAsync();

        Assert.Contains("ca-home", body.GetProperty("changes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("ca-home", body.GetProperty("document").GetProperty("redirects")[0].GetProperty("id").GetString());
        Assert.Equal(1, body.GetProperty("baseRevision").GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task Get_AnothersDraftOrUnknown_Is404()
    {
        var author = await factory.ApiUserAsync(PortalRoles.Editor);
        var other = await factory.ApiUserAsync(PortalRoles.Approver);
        var id = (await (await CreateAsync(author, "Mine")).JsonAsync()).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/change-sets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.Client.GetAsync("/api/v1/change-sets/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync($"/api/v1/change-sets/{id}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task SaveDocument_CurrentVersion_SavesAndStaleVersion_Is409()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);
        var created = await (await CreateAsync(editor, "Edits")).JsonAsync();
        var id = created.GetProperty("id").GetInt64();
        var firstVersion = created.GetProperty("version").GetGuid();
        var empty = JsonDocument.Parse("{\"schema\":\"edgeportal.rules/v1\"}").RootElement;

        var saved = await editor.Client.PutAsync($"/api/v1/change-sets/{id}/document", ApiClients.Json(new { document = empty, version = firstVersion }));
        var stale = await editor.Client.PutAsync($"/api/v1/change-sets/{id}/document", ApiClients.Json(new { document = ApiClients.OneRedirectElement, version = firstVersion }));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(firstVersion, (await saved.JsonAsync()).GetProperty("version").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("reload to see their version", await stale.ProblemAsync(), StringComparison.Ordinal);
        var detail = await (await editor.Client.GetAsync($"/api/v1/change-sets/{id}")).JsonAsync();
        Assert.False(detail.GetProperty("document").TryGetProperty("redirects", out _));
    }

    [Fact]
    public async Task SaveDocument_WithoutVersion_Is400NamingVersion()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);
        var id = (await (await CreateAsync(editor, "No version")).JsonAsync()).GetProperty("id").GetInt64();

        var response = await editor.Client.PutAsync($"/api/v1/change-sets/{id}/document", ApiClients.Json(new { document = ApiClients.OneRedirectElement }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["/version"], await response.ErrorKeysAsync());
    }

    [Fact]
    public async Task SaveDocument_AnotherEditorsDraftUnknown_Is404()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);

        var response = await editor.Client.PutAsync("/api/v1/change-sets/999999/document", ApiClients.Json(new { document = ApiClients.OneRedirectElement, version = Guid.NewGuid() }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Approve_ByEditor_Is403AndByItsAuthor_Is403SayingSo()
    {
        var author = await factory.ApiUserAsync(PortalRoles.Approver);
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);
        var id = await SubmittedAsync(author);

        var byEditor = await editor.Client.PostAsync($"/api/v1/change-sets/{id}/approve", ApiClients.Json(new { comment = "ok" }));
        var byAuthor = await author.Client.PostAsync($"/api/v1/change-sets/{id}/approve", ApiClients.Json(new { comment = "ok" }));

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Equal("Your role (Editor) cannot approve, request changes or reject; an Approver or Admin can.", await byEditor.ProblemAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byAuthor.StatusCode);
        Assert.Equal("You wrote this change set; a second person must approve, request changes or reject it.", await byAuthor.ProblemAsync());
        var state = await (await author.Client.GetAsync($"/api/v1/change-sets/{id}")).JsonAsync();
        Assert.Equal("InReview", state.GetProperty("changeSet").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Approve_StaleVersion_Is409()
    {
        var author = await factory.ApiUserAsync(PortalRoles.Editor);
        var approver = await factory.ApiUserAsync(PortalRoles.Approver);
        var id = await SubmittedAsync(author);

        var response = await approver.Client.PostAsync($"/api/v1/change-sets/{id}/approve", ApiClients.Json(new { version = Guid.NewGuid() }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Reject_WithoutReason_Is400NamingReason_ThenWithReasonReturnsIt()
    {
        var author = await factory.ApiUserAsync(PortalRoles.Editor);
        var approver = await factory.ApiUserAsync(PortalRoles.Approver);
        var id = await SubmittedAsync(author);

        var bare = await approver.Client.PostAsync($"/api/v1/change-sets/{id}/reject", ApiClients.Json(new { }));
        var rejected = await approver.Client.PostAsync($"/api/v1/change-sets/{id}/reject", ApiClients.Json(new { reason = "Wrong country" }));

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.StartsWith("reason: ", await bare.ProblemAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("Rejected", (await rejected.JsonAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Submit_BadJson_Is400()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);
        var id = (await (await CreateAsync(editor, "Bad submit")).JsonAsync()).GetProperty("id").GetInt64();

        var response = await editor.Client.PostAsync($"/api/v1/change-sets/{id}/submit", ApiClients.RawJson("{\"version\": \"not-a-guid\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["/version"], await response.ErrorKeysAsync());
    }

    [Fact]
    public async Task Publish_ByEditor_Is403AndUnapproved_Is409()
    {
        var author = await factory.ApiUserAsync(PortalRoles.Editor);
        var approver = await factory.ApiUserAsync(PortalRoles.Approver);
        var id = await SubmittedAsync(author);

        var byEditor = await author.Client.PostAsync($"/api/v1/change-sets/{id}/publish", null);
        var unapproved = await approver.Client.PostAsync($"/api/v1/change-sets/{id}/publish", null);

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Equal("Publishing needs the Approver or Admin role; you are Editor.", await byEditor.ProblemAsync());
        Assert.Equal(HttpStatusCode.Conflict, unapproved.StatusCode);
        Assert.Equal($"Change set {id} is in review; only an approved change set can be published.", await unapproved.ProblemAsync());
    }

    [Fact]
    public async Task UnknownRouteAndDeployment_Are404Problems()
    {
        var viewer = await factory.ApiUserAsync(PortalRoles.Viewer);

        var route = await viewer.Client.GetAsync("/api/v1/nothing-here");
        var deployment = await viewer.Client.GetAsync("/api/v1/deployments/no-such-deployment");
        var odd = await viewer.Client.GetAsync("/api/v1/deployments/..%2F..%2Fetc");

        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Contains("openapi", await route.ProblemAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, deployment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, odd.StatusCode);
    }

    private static Task<HttpResponseMessage> CreateAsync(ApiUser user, string title) =>
        user.Client.PostAsync("/api/v1/targets/local/change-sets", ApiClients.Json(new { title, description = "From the tests.", document = ApiClients.OneRedirectElement }));

    private static async Task<long> SubmittedAsync(ApiUser author)
    {
        var created = await CreateAsync(author, "To review");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var submitted = await author.Client.PostAsync($"/api/v1/change-sets/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return id;
    }

    private Task<int> DraftsOfAsync(string email) => factory.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.ChangeSets.CountAsync(c => c.AuthorId == id);
    });
}
