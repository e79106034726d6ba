using System.Text.Json.Nodes;
using EdgePortal.Portal.Cli.Rules;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Portal.Api;

/// <summary><c>/api/v1/targets</c>: the targets, what is live on them, their revisions, and trying a request against the live handler.</summary>
public static class TargetsApi
{
    public static void MapTargetsApi(this RouteGroupBuilder api)
    {
        var targets = api.MapGroup("/targets").WithTags("Targets");
        targets.MapGet("/", async (ITargetService service, CancellationToken ct) =>
                TypedResults.Ok((await service.ListAsync(ct)).Select(TargetResponse.From).ToList()))
            .WithSummary("Lists the targets and the revision live on each.");
        targets.MapGet("/{target}/live", GetLiveAsync)
            .WithSummary("The live revision of a target with its document.")
            .Produces<LiveResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        targets.MapGet("/{target}/revisions", ListRevisionsAsync)
            .WithSummary("The revisions of a target, newest first.")
            .Produces<List<RevisionResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        targets.MapPost("/{target}/try", TryAsync)
            .WithSummary("Runs one request through the handler live on the target, answering in the shape of `rules eval`.")
            .AcceptsJson<TryRequestBody>()
            .Produces<JsonObject>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetLiveAsync(string target, ITargetService service, CancellationToken ct) =>
        await service.GetLiveRevisionAsync(target, ct) is { } live
            ? TypedResults.Ok(new LiveResponse(live.Id, live.Summary.Number, live.Summary.Sha256, JsonNode.Parse(live.DocumentJson)!))
            : NoTarget(target);

    private static async Task<IResult> ListRevisionsAsync(string target, ITargetService targets, IRevisionService revisions, CancellationToken ct) =>
        await targets.GetAsync(target, ct) is null
            ? NoTarget(target)
            : TypedResults.Ok((await revisions.ListAsync(target, ct)).Select(RevisionResponse.From).ToList());

    private static async Task<IResult> TryAsync(string target, HttpRequest request, ITargetService targets, TryRequestService trying, CancellationToken ct)
    {
        var (body, problem) = await ApiBody.ReadAsync<TryRequestBody>(request);
        if (problem is not null)
        {
            return problem;
        }
        if (await targets.GetAsync(target, ct) is null)
        {
            return NoTarget(target);
        }
        EdgeEvent? edgeEvent = body!.Event switch
        {
            null or "origin-request" => EdgeEvent.OriginRequest,
            "origin-response" => EdgeEvent.OriginResponse,
            _ => null,
        };
        if (edgeEvent is null)
        {
            return ApiProblems.BadRequest("event", $"\"{body.Event}\" is not an event the handler serves: use origin-request or origin-response.");
        }
        if (body.Uri is not ['/', ..])
        {
            return ApiProblems.BadRequest("uri", "give the request URI, starting with /.");
        }
        if (body.Country is { } country && !(country.Length == 2 && country.All(char.IsAsciiLetter)))
        {
            return ApiProblems.BadRequest("country", $"\"{country}\" is not a country code: give two letters (ISO 3166-1 alpha-2), e.g. DE.");
        }
        if (body.Query is { Length: > 2048 } || body.ResponseCacheControl is { Length: > 1024 })
        {
            return ApiProblems.BadRequest(body.Query is { Length: > 2048 } ? "query" : "responseCacheControl", "is longer than any request needs.");
        }
        var result = await trying.TryAsync(target, new TryRequest(body.Uri, body.Country, body.Query ?? "", edgeEvent.Value, body.ResponseCacheControl), ct);
        if (result.Expected is not { } expected)
        {
            return ApiProblems.NotFound($"Target \"{target}\" has no live revision.");
        }
        // One shape with `rules eval`: the reference evaluator's decision on the live revision, then what the handler itself returned.
        var answer = JsonNode.Parse(EvalOutput.Json(expected, edgeEvent.Value))!.AsObject();
        answer["revision"] = result.LiveRevision?.Number;
        answer["handler"] = result.HandlerJson is { } raw ? JsonNode.Parse(raw) : null;
        answer["handlerError"] = result.Error;
        return TypedResults.Ok(answer);
    }

    private static IResult NoTarget(string target) => ApiProblems.NotFound($"There is no target \"{target}\".");
}
