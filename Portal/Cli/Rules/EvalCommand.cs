using System.CommandLine;
using EdgePortal.Rules.Countries;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary><c>rules eval FILE --uri PATH …</c>: what one request gets under a document, with the trace of why.</summary>
public static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The rules document (JSON)." };
        var uri = new Option<string>("--uri") { Description = "The request URI, starting with /.", Required = true };
        var country = new Option<string?>("--country") { Description = "The viewer's country (ISO 3166-1 alpha-2, e.g. DE); none when left out." };
        var query = new Option<string?>("--query") { Description = "The query string, without the leading ?." };
        var @event = new Option<string?>("--event") { Description = "origin-request (the default) or origin-response." };
        var cacheControl = new Option<string?>("--response-cache-control") { Description = "At origin-response: the Cache-Control header the origin sent." };
        var command = new Command("eval", "Evaluate one request against a rules document and print the decision as JSON.")
        {
            file, uri, country, query, @event, cacheControl,
        };
        command.SetAction(parse =>
        {
            if (Request(parse.GetValue(uri)!, parse.GetValue(country), parse.GetValue(query), parse.GetValue(@event), parse.GetValue(cacheControl), console) is not { } request)
            {
                return ExitCodes.BadInput;
            }
            if (!DocumentFile.TryLoad(parse.GetValue(file)!, console, out var document))
            {
                return ExitCodes.BadInput;
            }
            console.Out.Write(EvalOutput.Json(RuleEvaluator.Evaluate(document, request), request.Event));
            return ExitCodes.Ok;
        });
        return command;
    }

    // Checks every option before anything is read, so that a typo is reported as such.
    private static EdgeRequest? Request(string uri, string? country, string? query, string? eventName, string? cacheControl, CliConsole console)
    {
        var problems = new List<string>();
        if (!uri.StartsWith('/'))
        {
            problems.Add($"--uri: \"{uri}\" must start with /.");
        }
        if (country is not null && !IsCountryCode(country))
        {
            problems.Add($"--country: \"{country}\" is not a country code: give two upper-case letters (ISO 3166-1 alpha-2), e.g. DE.");
        }
        else if (country is not null && !CountryCatalog.IsAssigned(country))
        {
            problems.Add($"--country: \"{country}\" is not an assigned ISO 3166-1 country code.");
        }
        EdgeEvent? edgeEvent = eventName switch
        {
            null or "origin-request" => EdgeEvent.OriginRequest,
            "origin-response" => EdgeEvent.OriginResponse,
            _ => null,
        };
        if (edgeEvent is null)
        {
            problems.Add($"--event: \"{eventName}\" is not an event the handler serves: use origin-request or origin-response.");
        }
        else if (cacheControl is not null && edgeEvent != EdgeEvent.OriginResponse)
        {
            problems.Add("--response-cache-control: only applies with --event origin-response.");
        }
        foreach (var problem in problems)
        {
            console.Error.WriteLine($"rules eval: {problem}");
        }
        return problems.Count > 0 ? null : new EdgeRequest
        {
            Uri = uri,
            Country = country,
            QueryString = query is ['?', .. var rest] ? rest : query ?? "",
            Event = edgeEvent!.Value,
            ResponseCacheControl = cacheControl,
        };
    }

    private static bool IsCountryCode(string value) => value.Length == 2 && value.All(c => c is >= 'A' and <= 'Z');
}
