using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Api;

/// <summary>A person with a role and an API token, and the JSON helpers the API tests share.</summary>
internal sealed record ApiUser(HttpClient Client, string Email, string Token);

internal static class ApiClients
{
    public static async Task<ApiUser> ApiUserAsync(this WebApplicationFactory<Program> app, string role)
    {
        var email = ApprovalsScenario.NewEmail(role);
        await using var scope = app.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, role, ApprovalsScenario.Password, actor: "test");
        Assert.Null(added.Error);
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateForEmailAsync(email, "tests", null);
        Assert.Null(created.Error);
        return new ApiUser(app.WithToken(created.Token!), email, created.Token!);
    }

    public static HttpClient WithToken(this WebApplicationFactory<Program> app, string? token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static StringContent RawJson(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>A problem's detail, after checking it is a problem document.</summary>
    public static async Task<string> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.JsonAsync()).GetProperty("detail").GetString()!;
    }

    /// <summary>The keys of a validation problem's errors: JSON pointers into the request body.</summary>
    public static async Task<IReadOnlyList<string>> ErrorKeysAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return [.. (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    /// <summary>A valid document with one redirect, as JSON.</summary>
    public static string OneRedirect { get; } = EdgePortal.Portal.Services.Documents.DocumentCodec.Write(ApprovalsScenario.OneRedirect);

    public static JsonElement OneRedirectElement => JsonDocument.Parse(OneRedirect).RootElement;
}
