using System.Text;
using System.Text.Json.Nodes;
using EdgePortal.Edge.Node;
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
    // null: no cloudfront-viewer-country header.
    private static readonly (string? Country, int Weight)[] _countries =
        [("US", 30), ("GB", 10), ("DE", 10), ("CA", 5), ("FR", 5), ("JP", 5), ("BR", 5), ("IN", 5), ("CN", 5), ("RU", 5), ("AU", 5), ("NL", 5), (null, 5)];

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
                ? CloudFrontEvents.OriginResponse(uri, random.Next(2) == 0 ? "max-age=60" : null, country)
                : CloudFrontEvents.OriginRequest(uri, country, query));
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

    private static string? Country(Random random)
    {
        var roll = random.Next(_countries.Sum(c => c.Weight));
        foreach (var (country, weight) in _countries)
        {
            if ((roll -= weight) < 0)
            {
                return country;
            }
        }
        return null;
    }
}
