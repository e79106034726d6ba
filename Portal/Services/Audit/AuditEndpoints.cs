using EdgePortal.Portal.Accounts;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Downloads of the audit history for the Export buttons (plain links carrying the page's filters).
/// The route demands Approver and the service checks again: refusing twice costs nothing.
/// </summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/audit/export").RequireAuthorization(PortalRoles.Approver).NotCached();
        group.MapGet("/csv", (HttpContext context, IAuditHistory history) =>
            ExportAsync(context, "text/csv", "csv", (query, body) => history.ExportCsvAsync(context.User, query, body, context.RequestAborted)));
        group.MapGet("/jsonl", (HttpContext context, IAuditHistory history) =>
            ExportAsync(context, "application/x-ndjson", "jsonl", (query, body) => history.ExportJsonLinesAsync(context.User, query, body, context.RequestAborted)));
    }

    /// <summary>The link a page offers for the current filters.</summary>
    public static string Link(string format, AuditQuery query)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["from"] = query.From?.UtcDateTime.ToString("O"),
            ["to"] = query.To?.UtcDateTime.ToString("O"),
            ["actor"] = query.Actor,
            ["action"] = query.Action,
            ["target"] = query.TargetId,
            ["text"] = query.Text,
            ["rule"] = query.RuleId,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/audit/export/{format}", parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    private static async Task<IResult> ExportAsync(HttpContext context, string contentType, string extension, Func<AuditQuery, Stream, Task<bool>> export)
    {
        if (ReadQuery(context.Request.Query) is not { } query)
        {
            return TypedResults.BadRequest("from, to: give times as ISO 8601 (2026-11-27T05:00:00Z).");
        }
        // Buffered so that a refusal is a clean 403 rather than a half-written file.
        var body = new MemoryStream();
        if (!await export(query, body))
        {
            return TypedResults.Forbid();
        }
        return TypedResults.File(body.ToArray(), contentType, $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{extension}");
    }

    /// <summary>The filters from a query string; null when from or to is not a time. The API reads the same names.</summary>
    internal static AuditQuery? ReadQuery(IQueryCollection q)
    {
        DateTimeOffset? from = null, to = null;
        if (q["from"].ToString() is { Length: > 0 } f)
        {
            if (!DateTimeOffset.TryParse(f, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value))
            {
                return null;
            }
            from = value;
        }
        if (q["to"].ToString() is { Length: > 0 } t)
        {
            if (!DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value))
            {
                return null;
            }
            to = value;
        }
        return new AuditQuery(from, to, Empty(q["actor"]), Empty(q["action"]), Empty(q["target"]), Empty(q["text"]), Empty(q["rule"]));
    }

    private static string? Empty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString();
}
