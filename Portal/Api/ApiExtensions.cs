using System.Text.Json.Serialization;
using EdgePortal.Portal.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;

namespace EdgePortal.Portal.Api;

/// <summary>The REST API under <c>/api/v1</c>: token authentication, JSON with enum names, the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
public static class ApiExtensions
{
    public const string Prefix = "/api/v1";

    /// <summary>The policy of every API route: a valid token (never the cookie) of a user holding at least Viewer.</summary>
    public const string Policy = "api";

    public static void AddPortalApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
            .RequireRole(PortalRoles.AtLeast(PortalRoles.Viewer)));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddSingleton<ApiReference>();
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiOpenApiDocument>();
        });
    }

    public static void MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization(Policy).DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.CacheControl = "no-store";
                // An API answer is its own body; the portal's HTML "not found" page must not replace it.
                http.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                return await next(context);
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapTargetsApi();
        api.MapChangeSetsApi();
        api.MapDeploymentsApi();
        api.MapAuditApi();
        api.MapFallback(() => ApiProblems.NotFound("There is no such API route; see /openapi/v1.json.")).ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
    }
}
