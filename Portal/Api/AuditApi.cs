using EdgePortal.Portal.Services.Audit;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EdgePortal.Portal.Api;

/// <summary><c>/api/v1/audit</c>: the history filtered and paged, its exports streamed, and the chain verified. Approvers and Admins only (the service's rule).</summary>
public static class AuditApi
{
    public const int MaxPageSize = 200;

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", QueryAsync)
            .WithSummary("Audit events, newest first; filters: actor, action (or a category such as publish), target, rule, text, from, to; page from 0.")
            .Produces<AuditPageResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .DescribesFilters();
        audit.MapGet("/export.csv", (HttpContext context, IAuditHistory history) =>
                ExportAsync(context, "text/csv", (query, body) => history.ExportCsvAsync(context.User, query, body, context.RequestAborted)))
            .WithSummary("Every matching event, oldest first, as CSV (streamed).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .DescribesFilters();
        audit.MapGet("/export.jsonl", (HttpContext context, IAuditHistory history) =>
                ExportAsync(context, "application/x-ndjson", (query, body) => history.ExportJsonLinesAsync(context.User, query, body, context.RequestAborted)))
            .WithSummary("Every matching event, oldest first, one JSON object a line (streamed).")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .DescribesFilters();
        audit.MapPost("/verify", VerifyAsync)
            .WithSummary("Walks the whole chain: whether it is intact and, when not, the first event that breaks it.")
            .Produces<AuditVerification>().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> QueryAsync(HttpContext context, IAuditHistory history, int? page, int? pageSize, CancellationToken ct)
    {
        if (!AuditHistory.MayRead(context.User))
        {
            return Refused();
        }
        if (AuditEndpoints.ReadQuery(context.Request.Query) is not { } query)
        {
            return BadTimes();
        }
        if (page is < 0)
        {
            return ApiProblems.BadRequest("page", "counts from 0.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            return ApiProblems.BadRequest("pageSize", $"give 1 to {MaxPageSize}.");
        }
        var (number, size) = (page ?? 0, pageSize ?? 50);
        var found = await history.QueryAsync(query, number, size, ct);
        return TypedResults.Ok(new AuditPageResponse(found.Events, found.Total, number, size));
    }

    private static async Task<IResult> ExportAsync(HttpContext context, string contentType, Func<AuditQuery, Stream, Task<bool>> export)
    {
        if (!AuditHistory.MayRead(context.User))
        {
            return Refused();
        }
        if (AuditEndpoints.ReadQuery(context.Request.Query) is not { } query)
        {
            return BadTimes();
        }
        // Streamed: the role was checked above, so the service will not refuse half-way. Its CSV writer is synchronous.
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()?.AllowSynchronousIO = true;
        context.Response.ContentType = contentType;
        await export(query, context.Response.Body);
        return TypedResults.Empty;
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, IAuditHistory history, CancellationToken ct) =>
        AuditHistory.MayRead(context.User) ? TypedResults.Ok(await history.VerifyAsync(context.User, ct)) : Refused();

    // The filters are read by AuditEndpoints.ReadQuery, the same as the audit page's export links, so binding does not see them.
    private static RouteHandlerBuilder DescribesFilters(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var (name, description) in _filters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Description = description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = name is "from" or "to" ? "date-time" : null },
                });
            }
            return Task.CompletedTask;
        });

    private static readonly (string Name, string Description)[] _filters =
    [
        ("actor", "The account that acted (an email, cli, system)."),
        ("action", "An action (changeset.approved) or a category (changeset)."),
        ("target", "A target id."),
        ("rule", "A rule id: its edits and the submission, approval and publishing of the change sets that made them."),
        ("text", "Searched in actor, action, target, subject and details."),
        ("from", "ISO 8601, inclusive."),
        ("to", "ISO 8601, inclusive."),
    ];

    private static IResult Refused() => ApiProblems.Forbidden("The audit history is for Approvers and Admins.");

    private static IResult BadTimes() => ApiProblems.BadRequest("from", "give from and to as ISO 8601 times (2026-11-27T05:00:00Z).");
}

/// <summary>One page of audit events and how many match in all.</summary>
public sealed record AuditPageResponse(IReadOnlyList<AuditEntry> Events, int Total, int Page, int PageSize);
