using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EdgePortal.Portal.Api;

/// <summary>The document's title and the Bearer scheme every operation requires.</summary>
public sealed class ApiOpenApiDocument : IOpenApiDocumentTransformer
{
    public const string SecurityScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "EdgePortal API",
            Version = "v1",
            Description = "Targets, change sets, approvals, deployments and the audit history, with the same rules as the portal. " +
                "Authenticate with a personal access token (API tokens, in the account menu): Authorization: Bearer ept_…",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [SecurityScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                In = ParameterLocation.Header,
                Description = "A personal access token, ept_ followed by 43 characters.",
            },
        };
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] });
        }
        return Task.CompletedTask;
    }
}
