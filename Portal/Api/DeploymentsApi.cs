using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Publishing;

namespace EdgePortal.Portal.Api;

/// <summary><c>/api/v1</c> publishing: publish an approved change set, follow its deployment, list a target's deployments.</summary>
public static class DeploymentsApi
{
    public static void MapDeploymentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/change-sets/{id:long}/publish", PublishAsync).WithTags("Deployments")
            .WithSummary("Publishes the revision an approved change set became; answers 202 with the deployment to follow.")
            .Produces<PublishResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/deployments/{id}", GetAsync).WithTags("Deployments")
            .WithSummary("A deployment: its state, steps with times, the version ARN and the invalidation id.")
            .Produces<DeploymentResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/targets/{target}/deployments", ListAsync).WithTags("Deployments")
            .WithSummary("The target's latest deployments, newest first.")
            .Produces<List<DeploymentResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PublishAsync(long id, HttpContext context, IApprovalService approvals, PublishService publishing, CancellationToken ct)
    {
        if (await approvals.GetReviewAsync(context.User, id, ct) is not { } review)
        {
            return ChangeSetsApi.NoChangeSet(id);
        }
        if (!PublishService.MayPublish(context.User))
        {
            // The service says the same; asked first so that a Viewer learns about their role, not the change set's state.
            return ApiProblems.From(await publishing.StartPublishAsync(context.User, review.ChangeSet.Summary.TargetId, 0, ct), _ => throw new InvalidOperationException("Not queued."));
        }
        if (review.ApprovedRevision is not { } revision)
        {
            return ApiProblems.Conflict($"Change set {id} is {Services.Lifecycle.ChangeSetLifecycle.Label(review.ChangeSet.State).ToLowerInvariant()}; only an approved change set can be published.");
        }
        return ApiProblems.From(await publishing.StartPublishAsync(context.User, revision.TargetId, revision.Id, ct),
            queued => TypedResults.Accepted($"/api/v1/deployments/{queued.DeploymentId}", new PublishResponse(queued.DeploymentId, queued.Kind)));
    }

    private static async Task<IResult> GetAsync(string id, DeploymentHistory history, CancellationToken ct) =>
        IsDeploymentId(id) && await history.GetAsync(id, ct) is { } view
            ? TypedResults.Ok(DeploymentResponse.From(view))
            : ApiProblems.NotFound($"There is no deployment \"{id}\".");

    // The store refuses anything else as a file name; here it is simply not found.
    private static bool IsDeploymentId(string id) => id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static async Task<IResult> ListAsync(string target, ITargetService targets, DeploymentHistory history, CancellationToken ct) =>
        await targets.GetAsync(target, ct) is null
            ? ApiProblems.NotFound($"There is no target \"{target}\".")
            : TypedResults.Ok((await history.ListAsync(target, cancellationToken: ct)).Select(d => DeploymentResponse.From(new DeploymentView(d, []))).ToList());
}
