using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EdgePortal.Portal.Api;

/// <summary>One operation as the API page lists it.</summary>
public sealed record ApiOperation(string Tag, string Method, string Path, string Summary, IReadOnlyList<ApiParameter> Parameters,
    IReadOnlyList<string> Responses, string Curl);

public sealed record ApiParameter(string Name, string In, bool Required, string? Type);

/// <summary>
/// The operations of the OpenAPI document the API serves, for a page for people: the same document as
/// <c>/openapi/v1.json</c>, read from the provider rather than over HTTP, and rendered by Blazor (the CSP allows no third-party script).
/// </summary>
public sealed class ApiReference(IServiceProvider services)
{
    // The example is for a shell, not for HTML: <title> stays as typed (Blazor encodes the page).
    private static readonly System.Text.Json.JsonSerializerOptions _relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<ApiOperation>> OperationsAsync(string baseUrl, CancellationToken cancellationToken = default)
    {
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync(cancellationToken);
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var body = operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true ? ExampleBody(json.Schema) : null;
                operations.Add(new ApiOperation(
                    operation.Tags?.FirstOrDefault()?.Name ?? "Other",
                    method.Method,
                    path,
                    operation.Summary ?? "",
                    [.. (operation.Parameters ?? []).Select(p => new ApiParameter(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Required, p.Schema?.Type?.ToString().ToLowerInvariant()))],
                    [.. (operation.Responses ?? []).Select(r => $"{r.Key} {r.Value.Description}".Trim())],
                    Curl(baseUrl.TrimEnd('/') + path, method.Method, body)));
            }
        }
        return [.. operations.OrderBy(o => o.Tag, StringComparer.Ordinal).ThenBy(o => o.Path, StringComparer.Ordinal)];
    }

    private static string Curl(string url, string method, string? body)
    {
        var curl = $"curl{(method == "GET" ? "" : $" -X {method}")} -H \"Authorization: Bearer $EDGEPORTAL_TOKEN\"";
        return body is null ? $"{curl} {url}" : $"{curl} -H \"Content-Type: application/json\" -d '{body}' {url}";
    }

    // A body with every property of the schema, a placeholder of its type, so the example shows the names to send.
    private static string? ExampleBody(IOpenApiSchema? schema)
    {
        if (schema?.Properties is not { Count: > 0 } properties)
        {
            return null;
        }
        var example = new JsonObject();
        foreach (var (name, property) in properties)
        {
            var type = property.Type ?? JsonSchemaType.Null;
            example[name] = type.HasFlag(JsonSchemaType.String) ? (JsonNode)(property.Format == "uuid" ? "<version>" : $"<{name}>")
                : type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number) ? 0
                : type.HasFlag(JsonSchemaType.Boolean) ? false
                : new JsonObject();
        }
        return example.ToJsonString(_relaxed);
    }
}
