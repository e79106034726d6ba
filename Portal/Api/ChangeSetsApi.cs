using System.Security.Claims;
using System.Text.Json;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Api;

/// <summary>
/// <c>/api/v1/…/change-sets</c>: one endpoint per service call. Every rule (who may edit, approve, whose draft it is)
/// is the services'; these only read the body and turn the result into a status.
/// </summary>
public static class ChangeSetsApi
{
    public static void MapChangeSetsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/targets/{target}/change-sets", CreateAsync).WithTags("Change sets")
            .WithSummary("Starts a draft holding the document, based on the target's live revision.")
            .AcceptsJson<CreateChangeSetRequest>()
            .Produces<ChangeSetResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        var changeSets = api.MapGroup("/change-sets/{id:long}").WithTags("Change sets");
        changeSets.MapGet("/", GetAsync)
            .WithSummary("A change set as a reviewer sees it: its document, what it changes, lint warnings and problems.")
            .Produces<ChangeSetDetailResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        changeSets.MapPut("/document", SaveDocumentAsync)
            .WithSummary("Replaces the draft's document; 409 when the version sent is not the latest.")
            .AcceptsJson<SaveDocumentRequest>()
            .Produces<ChangeSetResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        MapStep(changeSets, "/submit", "Sends the draft for approval; refused while it has problems.",
            async (s, user, id, version, body, ct) =>
            {
                var changeSets = s.GetRequiredService<IChangeSetService>();
                var current = await changeSets.GetAsync(id, ct);
                return await changeSets.SubmitAsync(user, id, version, body.Title ?? current?.Summary.Title ?? "", body.Description ?? current?.Summary.Description ?? "", ct);
            });
        MapStep(changeSets, "/approve", "Approves the change set (not its author's own): it becomes a revision, ready to publish.",
            (s, user, id, version, body, ct) => s.GetRequiredService<IApprovalService>().ApproveAsync(user, id, version, body.Comment, ct));
        MapStep(changeSets, "/reject", "Rejects the change set; a reason is required. Its author may reopen or abandon it.",
            (s, user, id, version, body, ct) => s.GetRequiredService<IApprovalService>().RejectAsync(user, id, version, body.Reason ?? "", ct));
        MapStep(changeSets, "/request-changes", "Sends the change set back to its author to change; a reason is required.",
            (s, user, id, version, body, ct) => s.GetRequiredService<IApprovalService>().RequestChangesAsync(user, id, version, body.Reason ?? "", ct));
        MapStep(changeSets, "/withdraw", "The author takes the change set out of review to edit it again; every approval is dropped.",
            (s, user, id, version, _, ct) => s.GetRequiredService<IChangeSetService>().WithdrawAsync(user, id, version, ct));
        MapStep(changeSets, "/reopen", "The author turns a rejected change set back into their draft.",
            (s, user, id, version, _, ct) => s.GetRequiredService<IChangeSetService>().ReopenAsync(user, id, version, ct));
        MapStep(changeSets, "/abandon", "The author gives the change set up for good (Withdrawn).",
            (s, user, id, version, _, ct) => s.GetRequiredService<IChangeSetService>().AbandonAsync(user, id, version, ct));
        changeSets.MapPost("/comments", CommentAsync)
            .WithSummary("Adds a comment to the change set's thread (its author and reviewers; up to 4,000 characters).")
            .AcceptsJson<CommentRequest>()
            .Produces<ChangeSetResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private delegate Task<ChangeSetResult> Step(IServiceProvider services, ClaimsPrincipal user, long id, Guid version, DecisionRequest body, CancellationToken ct);

    private static async Task<IResult> CreateAsync(string target, HttpContext context, ITargetService targets, IChangeSetService changeSets, CancellationToken ct)
    {
        var (body, problem) = await ApiBody.ReadAsync<CreateChangeSetRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.Title?.Trim() is not { Length: > 0 and <= 200 } title)
        {
            return ApiProblems.BadRequest("title", "give the change set a title of 1 to 200 characters.");
        }
        if (body.Description is { Length: > Data.ChangeSetComment.MaxTextLength })
        {
            return ApiProblems.BadRequest("description", $"may be at most {Data.ChangeSetComment.MaxTextLength:N0} characters.");
        }
        var (document, invalid) = ReadDocument(body.Document);
        if (invalid is not null)
        {
            return invalid;
        }
        if (await targets.GetAsync(target, ct) is not { LiveRevision: { } live })
        {
            return ApiProblems.NotFound($"There is no target \"{target}\".");
        }
        if (await changeSets.FindDraftAsync(context.User, target, ct) is { State: Data.ChangeSetState.Draft } open)
        {
            return ApiProblems.Conflict($"You already have a draft for this target (change set {open.Id}); change it with PUT /api/v1/change-sets/{open.Id}/document.",
                new Dictionary<string, object?> { ["changeSetId"] = open.Id });
        }
        // A Viewer has no draft and is refused here, by the service, as in the editor.
        var created = await changeSets.CreateDraftAsync(context.User, target, live.Id, document!, ct);
        if (created is not ChangeSetResult.Saved { ChangeSet: var draft })
        {
            return ApiProblems.From(created, _ => throw new InvalidOperationException("Not saved."));
        }
        var renamed = await changeSets.DescribeAsync(context.User, draft.Id, title, body.Description ?? "", draft.Version, ct);
        return ApiProblems.From(renamed, view => TypedResults.Created($"/api/v1/change-sets/{view.Id}", ChangeSetResponse.From(view.Summary)));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, IApprovalService approvals, Services.Plans.IChangeSetPlans plans, CancellationToken ct) =>
        await approvals.GetReviewAsync(context.User, id, ct) is { } review
            ? TypedResults.Ok(ChangeSetDetailResponse.From(review, await plans.ForReviewAsync(id, ct)))
            : NoChangeSet(id);

    private static async Task<IResult> CommentAsync(long id, HttpContext context, IChangeSetService changeSets, CancellationToken ct)
    {
        var (body, problem) = await ApiBody.ReadAsync<CommentRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (await FindAsync(context.User, changeSets, id, ct) is null)
        {
            return NoChangeSet(id);
        }
        return ApiProblems.From(await changeSets.CommentAsync(context.User, id, body!.Text ?? "", ct),
            view => TypedResults.Ok(ChangeSetResponse.From(view.Summary)), "/text");
    }

    private static async Task<IResult> SaveDocumentAsync(long id, HttpContext context, IChangeSetService changeSets, CancellationToken ct)
    {
        var (body, problem) = await ApiBody.ReadAsync<SaveDocumentRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.Version is not { } version)
        {
            return ApiProblems.BadRequest("version", "send the change set's version as last read (GET /api/v1/change-sets/{id}).");
        }
        var (document, invalid) = ReadDocument(body.Document);
        if (invalid is not null)
        {
            return invalid;
        }
        if (await FindAsync(context.User, changeSets, id, ct) is null)
        {
            return NoChangeSet(id);
        }
        return ApiProblems.From(await changeSets.SaveDraftAsync(context.User, id, document!, version, ct),
            view => TypedResults.Ok(ChangeSetResponse.From(view.Summary)), "/document");
    }

    private static void MapStep(RouteGroupBuilder changeSets, string path, string summary, Step step) =>
        changeSets.MapPost(path, async (long id, HttpContext context, IChangeSetService service, CancellationToken ct) =>
            {
                var body = new DecisionRequest(null, null, null);
                if (context.Request.ContentLength is not 0 && context.Request.ContentType is not null)
                {
                    var (read, problem) = await ApiBody.ReadAsync<DecisionRequest>(context.Request);
                    if (problem is not null)
                    {
                        return problem;
                    }
                    body = read!;
                }
                if (await FindAsync(context.User, service, id, ct) is not { } current)
                {
                    return NoChangeSet(id);
                }
                var result = await step(context.RequestServices, context.User, id, body.Version ?? current.Version, body, ct);
                return ApiProblems.From(result, view => TypedResults.Ok(ChangeSetResponse.From(view.Summary)));
            })
            .WithSummary(summary)
            .AcceptsJson<DecisionRequest>(required: false)
            .Produces<ChangeSetResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>The change set when it exists and the user may read it (another's unsubmitted draft is not found, as in the UI).</summary>
    internal static async Task<ChangeSetView?> FindAsync(ClaimsPrincipal user, IChangeSetService changeSets, long id, CancellationToken ct) =>
        await changeSets.GetAsync(id, ct) is { } view && DraftVisibility.CanRead(user, view.State, view.Summary.AuthorId) ? view : null;

    internal static IResult NoChangeSet(long id) => ApiProblems.NotFound($"There is no change set {id}, or it is a draft only its author and Admins can read.");

    // The document must be one: a draft may break rules (it is a draft), but not the schema.
    private static (RulesDocument? Document, IResult? Problem) ReadDocument(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } json)
        {
            return (null, ApiProblems.BadRequest("document", "send the rules document as a JSON object."));
        }
        var read = DocumentCodec.Read(json.GetRawText());
        return read.Document is { } document && read.IsValid
            ? (document, null)
            : (null, ApiProblems.Invalid($"document: not a valid rules document ({read.Problems.Count} problem(s)); nothing was stored.", read.Problems, "/document"));
    }
}
