using System.Net;
using System.Text.Json;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Api;

public sealed class OpenApiDocumentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiRouteWithBearerAndErrors()
    {
        var routes = ApiRoutes();

        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        var paths = document.GetProperty("paths");
        Assert.True(routes.Count >= 17, $"only {routes.Count} API routes found");
        foreach (var (method, path) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not described");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not described");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path} does not describe 401");
            Assert.Equal("Bearer", operation.GetProperty("security")[0].EnumerateObject().Single().Name);
        }
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryApiRoute_WithoutOrWithBadToken_Is401Problem()
    {
        var routes = ApiRoutes();
        var bad = factory.WithToken("ept_" + new string('A', 43));
        var none = factory.WithToken(null);

        foreach (var (method, path) in routes)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m => m.Groups[1].Value == "id" ? "1" : "local");
            foreach (var client in new[] { none, bad })
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = ApiClients.Json(new { }) });
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.True(routes.Count >= 17, $"only {routes.Count} API routes found");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesRequestAndResponseShapes()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

        var create = document.GetProperty("paths").GetProperty("/api/v1/targets/{target}/change-sets").GetProperty("post");
        var body = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var bodySchema = body.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : body;
        Assert.Equal(["title", "description", "document"], bodySchema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.True(create.GetProperty("requestBody").GetProperty("required").GetBoolean());
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("409", out _));
        var audit = document.GetProperty("paths").GetProperty("/api/v1/audit").GetProperty("get");
        Assert.Equal(["page", "pageSize", "actor", "action", "target", "rule", "text", "from", "to"],
            audit.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/targets/{target}/live").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(schemas.GetProperty("ChangeSetResponse").GetProperty("properties").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task ApiPage_SignedIn_ListsTheOperationsWithCurl()
    {
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var page = await browser.GetStringAsync("/api");

        Assert.Contains("/api/v1/change-sets/{id}/approve", page, StringComparison.Ordinal);
        Assert.Contains("curl -X POST -H &quot;Authorization: Bearer $EDGEPORTAL_TOKEN&quot;", page, StringComparison.Ordinal);
        Assert.Contains("Change sets", page, StringComparison.Ordinal);
        Assert.Contains("-d &#x27;{&quot;title&quot;:&quot;&lt;title&gt;&quot;", page, StringComparison.Ordinal);
    }

    // Every API route the app maps (the fallback aside), as the OpenAPI document names them.
    private List<(string Method, string Path)> ApiRoutes() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("{*", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (m.ToLowerInvariant(), Normalize(e.RoutePattern.RawText!))))];

    // "/api/v1/change-sets/{id:long}/" is described as "/api/v1/change-sets/{id}".
    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');
}
