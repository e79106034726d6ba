using System.Text.Json;
using EdgePortal.Portal.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EdgePortal.Portal.Api;

/// <summary>
/// Reads a JSON request body itself rather than through parameter binding, so that every refusal is a problem
/// naming the field (binding answers a bare 400, or throws in Development) and no body larger than the portal's
/// limit is held in memory, whatever server runs it.
/// </summary>
public static class ApiBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        if (request.ContentLength > HostingLimits.MaxRequestBodyBytes)
        {
            return (null, TooLarge());
        }
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, ApiProblems.BadRequest("body", "send JSON with Content-Type: application/json."));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > HostingLimits.MaxRequestBodyBytes)
            {
                return (null, TooLarge());
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, ApiProblems.BadRequest("body", "the request has no body; send a JSON object."));
        }
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options) is { } value
                ? (value, null)
                : (null, ApiProblems.BadRequest("body", "send a JSON object, not null."));
        }
        catch (JsonException bad)
        {
            // The path is "$.document.redirects[0]": the pointer "document/redirects/0".
            var field = bad.Path is { Length: > 2 } path ? path[2..].Replace('.', '/').Replace("[", "/", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal) : "body";
            return (null, ApiProblems.BadRequest(field, field == "body" ? "the body is not valid JSON." : "has the wrong type or is not valid JSON."));
        }
    }

    /// <summary>
    /// Describes the JSON body in the OpenAPI document. Not <c>Accepts</c>: that also makes routing refuse a request
    /// without the content type, which then reaches the fallback as "no such route" instead of a problem naming the body.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder, bool required = true) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = required,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken) },
                },
            });

    private static IResult TooLarge() =>
        TypedResults.Problem($"The body is larger than {HostingLimits.MaxRequestBodyBytes:N0} bytes, more than any request needs.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request was refused",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["/body"] = ["too large"] } });
}
