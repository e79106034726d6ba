using System.Text;
using System.Text.Json.Nodes;
using EdgePortal.Rules.Document;

namespace EdgePortal.Benchmarks;

/// <summary>
/// A request mix for a document: 80% origin-request, 20% origin-response; 35% of URIs are a rule's
/// exact path, 25% fall under a folder rule, 5% match a wildcard rule and 35% match nothing (static
/// files, the home page, unknown products); countries weighted like real traffic, 5% without one;
/// a quarter carry a query string.
/// </summary>
public static class RequestMix
{
    private static readonly (string Country, int Weight)[] _countries =
        [("US", 30), ("GB", 10), ("DE", 10), ("CA", 5), ("FR", 5), ("JP", 5), ("BR", 5), ("IN", 5), ("CN", 5), ("RU", 5), ("AU", 5), ("NL", 5), ("", 5)];

    public static List<JsonObject> Create(RulesDocument document, int count, int seed = 2)
    {
        var random = new Random(seed);
        var patterns = document.Access.Select(r => r.Path).Concat(document.Redirects.Select(r => r.Path))
            .Concat(document.Origins.Select(r => r.Path)).Concat(document.Cache.Select(r => r.Path)).ToList();
        var exact = patterns.Where(p => !p.Contains('*') && !p.Contains('?')).ToList();
        var folders = patterns.Where(p => p.EndsWith("/*", StringComparison.Ordinal) && !p.Contains('?')).ToList();
        var general = patterns.Except(exact).Except(folders).ToList();
        var events = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var uri = roll switch
            {
                < 35 when exact.Count > 0 => exact[random.Next(exact.Count)],
                < 60 when folders.Count > 0 => folders[random.Next(folders.Count)].TrimEnd('*') + $"part-{random.Next(100)}/index.html",
                < 65 when general.Count > 0 => Fill(random, general[random.Next(general.Count)]),
                _ => Miss(random),
            };
            var country = Country(random);
            var query = random.Next(4) == 0 ? $"utm_source=news&id={random.Next(10_000)}" : "";
            events.Add(random.Next(5) == 0
                ? Event("origin-response", Request(uri, country, query), Response(random.Next(2) == 0 ? "max-age=60" : null))
                : Event("origin-request", Request(uri, country, query), null));
        }
        return events;
    }

    private static string Miss(Random random) => random.Next(4) switch
    {
        0 => "/",
        1 => $"/static/js/app-{random.Next(1000)}.js",
        2 => $"/products/unknown-{random.Next(100_000)}",
        _ => $"/images/{random.Next(1000)}/hero.jpg",
    };

    private static string Fill(Random random, string pattern)
    {
        var uri = new StringBuilder();
        foreach (var c in pattern)
        {
            uri.Append(c switch { '*' => "x/y", '?' => (char)('a' + random.Next(26)), _ => c });
        }
        return uri.ToString();
    }

    private static string Country(Random random)
    {
        var roll = random.Next(_countries.Sum(c => c.Weight));
        foreach (var (country, weight) in _countries)
        {
            if ((roll -= weight) < 0)
            {
                return country;
            }
        }
        return "";
    }

    private static JsonObject Request(string uri, string country, string query)
    {
        var headers = new JsonObject
        {
            ["host"] = Header("Host", "d111111abcdef8.cloudfront.net"),
            ["user-agent"] = Header("User-Agent", "Amazon CloudFront"),
        };
        if (country.Length > 0)
        {
            headers["cloudfront-viewer-country"] = Header("CloudFront-Viewer-Country", country);
        }
        return new JsonObject
        {
            ["clientIp"] = "203.0.113.178",
            ["headers"] = headers,
            ["method"] = "GET",
            ["origin"] = new JsonObject
            {
                ["custom"] = new JsonObject
                {
                    ["customHeaders"] = new JsonObject(), ["domainName"] = "origin.example.com", ["keepaliveTimeout"] = 5, ["path"] = "",
                    ["port"] = 443, ["protocol"] = "https", ["readTimeout"] = 30, ["sslProtocols"] = new JsonArray("TLSv1.2"),
                },
            },
            ["querystring"] = query,
            ["uri"] = uri,
        };
    }

    private static JsonObject Response(string? cacheControl)
    {
        var headers = new JsonObject { ["content-type"] = Header("Content-Type", "text/html") };
        if (cacheControl is not null)
        {
            headers["cache-control"] = Header("Cache-Control", cacheControl);
        }
        return new JsonObject { ["headers"] = headers, ["status"] = "200", ["statusDescription"] = "OK" };
    }

    private static JsonArray Header(string key, string value) => new(new JsonObject { ["key"] = key, ["value"] = value });

    private static JsonObject Event(string eventType, JsonObject request, JsonObject? response)
    {
        var cf = new JsonObject
        {
            ["config"] = new JsonObject { ["distributionDomainName"] = "d111111abcdef8.cloudfront.net", ["distributionId"] = "EDFDVBD6EXAMPLE", ["eventType"] = eventType, ["requestId"] = "bench" },
            ["request"] = request,
        };
        if (response is not null)
        {
            cf["response"] = response;
        }
        return new JsonObject { ["Records"] = new JsonArray(new JsonObject { ["cf"] = cf }) };
    }
}
