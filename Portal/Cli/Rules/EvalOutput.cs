using System.Text.Json;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary>The JSON object <c>rules eval</c> prints for one decision.</summary>
internal static class EvalOutput
{
    public static string Json(Decision decision, EdgeEvent @event) => CommandJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("event", @event == EdgeEvent.OriginRequest ? "origin-request" : "origin-response");
        w.WriteString("action", CommandJson.Name(decision.Action));
        w.WriteNumberOrNull("status", decision.Status);
        w.WriteString("location", decision.Location);
        // originDomain stays beside the whole origin for scripts written against earlier output.
        w.WriteString("originDomain", decision.Origin?.DomainName);
        WriteOrigin(w, decision.Origin);
        w.WriteString("cacheControl", decision.CacheControl);
        w.WriteString("section", decision.Section is { } section ? CommandJson.Name(section) : null);
        w.WriteString("ruleId", decision.RuleId);
        WriteResponse(w, decision.Response);
        w.WriteStartArray("trace");
        foreach (var step in decision.Trace)
        {
            w.WriteStartObject();
            w.WriteString("stage", CommandJson.Name(step.Stage));
            w.WriteString("ruleId", step.RuleId);
            w.WriteString("pattern", step.Pattern);
            w.WriteString("message", step.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    // The whole custom origin the request goes to, as the handler writes request.origin.custom.
    private static void WriteOrigin(Utf8JsonWriter w, CustomOrigin? origin)
    {
        if (origin is null)
        {
            w.WriteNull("origin");
            return;
        }
        w.WriteStartObject("origin");
        w.WriteString("url", origin.Url);
        w.WriteString("domainName", origin.DomainName);
        w.WriteString("path", origin.Path);
        w.WriteString("protocol", CommandJson.Name(origin.Protocol));
        w.WriteNumber("port", origin.Port);
        WriteHeaders(w, "customHeaders", origin.CustomHeaders);
        w.WriteEndObject();
    }

    // The generated response as CloudFront would cache it: headers in the handler's order, then the body.
    private static void WriteResponse(Utf8JsonWriter w, GeneratedResponse? response)
    {
        if (response is null)
        {
            w.WriteNull("response");
            return;
        }
        w.WriteStartObject("response");
        w.WriteNumber("status", response.Status);
        WriteHeaders(w, "headers", response.Headers);
        w.WriteString("body", response.Body);
        w.WriteEndObject();
    }

    private static void WriteHeaders(Utf8JsonWriter w, string name, IEnumerable<HeaderValue> headers)
    {
        w.WriteStartArray(name);
        foreach (var header in headers)
        {
            w.WriteStartObject();
            w.WriteString("name", header.Name);
            w.WriteString("value", header.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
