using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Api;

/// <summary>
/// The services' answers as HTTP: problem details (RFC 9457) whose <c>detail</c> is the sentence the UI shows.
/// Input problems carry <c>errors</c> keyed by JSON pointer into the request body (<c>/document/redirects/0/location</c>).
/// </summary>
public static class ApiProblems
{
    public static IResult BadRequest(string field, string message) =>
        Invalid($"{field}: {message}", [new Problem("/" + field, message)]);

    public static IResult Invalid(string detail, IEnumerable<Problem> problems, string pointerPrefix = "") =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => pointerPrefix + p.Pointer).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            detail, title: "The request was refused");

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", detail, extensions);

    /// <summary>
    /// A change set's result. The endpoints look the change set up first (404 when it is not there or not theirs to
    /// read), so a NotFound from the service here means its state no longer allows the step: 409.
    /// </summary>
    public static IResult From(ChangeSetResult result, Func<ChangeSetView, IResult> saved, string pointerPrefix = "") => result switch
    {
        ChangeSetResult.Saved s => saved(s.ChangeSet),
        ChangeSetResult.Forbidden f => Forbidden(f.Message),
        ChangeSetResult.Conflict c => Conflict(c.Message, new Dictionary<string, object?> { ["currentVersion"] = c.CurrentVersion, ["savedBy"] = c.SavedBy }),
        ChangeSetResult.MergeConflicted m => Conflict(m.Message, new Dictionary<string, object?> { ["conflicts"] = m.Conflicts.Count }),
        ChangeSetResult.Invalid i => Invalid(i.Message, i.Problems, pointerPrefix),
        ChangeSetResult.NotFound n => Conflict(n.Message),
        _ => throw new InvalidOperationException($"Unknown result {result.GetType().Name}."),
    };

    public static IResult From(PublishResult result, Func<PublishResult.Queued, IResult> queued) => result switch
    {
        PublishResult.Queued q => queued(q),
        PublishResult.Forbidden f => Forbidden(f.Message),
        PublishResult.Refused r => Conflict(r.Message),
        _ => throw new InvalidOperationException($"Unknown result {result.GetType().Name}."),
    };

    /// <summary>For the authentication handler, which answers before any endpoint runs.</summary>
    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Problem(status, title, detail).ExecuteAsync(context);

    private static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
}
