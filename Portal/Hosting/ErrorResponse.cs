using System.Net;
using EdgePortal.Portal.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace EdgePortal.Portal.Hosting;

/// <summary>
/// The answer to a request that failed, outside Development: one sentence, never the exception. It is written
/// here rather than by re-running the pipeline for an error page, because the re-run meets the same failure
/// again (an empty POST fails antiforgery twice and then reached the client as an unhandled exception; a
/// failing disk fails the page too). The exception handler has already logged the exception.
/// </summary>
public static class ErrorResponse
{
    public static async Task WriteAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, sentence) = exception switch
        {
            _ when context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } =>
                (StatusCodes.Status400BadRequest, "The form has expired or did not come from this portal. Reload the page and try again."),
            BadHttpRequestException bad => (bad.StatusCode, "The request was not understood."),
            not null when StorageFailure.Is(exception) => (StatusCodes.Status503ServiceUnavailable, StorageFailure.Sentence),
            _ => (StatusCodes.Status500InternalServerError, $"Something went wrong. It was logged with the id {context.TraceIdentifier}."),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>EdgePortal</title></head><body><p>{WebUtility.HtmlEncode(sentence)}</p><p><a href=\"/\">Back to the portal</a></p></body></html>");
    }
}
