using EdgePortal.Portal.Accounts;

namespace EdgePortal.Portal.Services;

/// <summary>Downloads of a revision or a draft as canonical JSON, for the export buttons (plain links).</summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/export").RequireAuthorization(PortalRoles.Viewer).NotCached();
        group.MapGet("/revisions/{id:long}", async (long id, HttpContext context, IRevisionService revisions) =>
            ToFile(await revisions.ExportAsync(context.User, id, context.RequestAborted), $"There is no revision {id}."));
        group.MapGet("/change-sets/{id:long}", async (long id, HttpContext context, IChangeSetService changeSets) =>
            ToFile(await changeSets.ExportAsync(context.User, id, context.RequestAborted), $"There is no change set {id}, or it is a draft only its author and Admins can read."));
    }

    /// <summary>
    /// <c>Cache-Control: no-store</c> on every response of the group: an export holds what only a signed-in
    /// user may see, and must not stay in a shared or browser cache.
    /// </summary>
    public static RouteGroupBuilder NotCached(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });

    private static IResult ToFile(DocumentExport? export, string notFound) =>
        export is null
            ? TypedResults.Text(notFound, "text/plain", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(export.Json), "application/json", export.FileName);
}
