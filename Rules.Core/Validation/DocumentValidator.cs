using EdgePortal.Rules.Document;
using EdgePortal.Rules.Document.Json;

namespace EdgePortal.Rules.Validation;

/// <summary>
/// Checks a document against every rule of the contract (docs/rules-document.md). Nothing invalid is
/// stored, built or published, so every caller that accepts a document runs this.
/// </summary>
public static class DocumentValidator
{
    /// <summary>Every problem of the document at once, each with a JSON pointer, in document order; empty when valid.</summary>
    public static IReadOnlyList<Problem> Validate(RulesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<Problem>();
        CheckSchema(document.Schema ?? "", problems);
        // A document built in the editor never went through the reader's count: the same limit holds.
        if (document.RuleCount > Limits.MaxRules)
        {
            problems.Add(new Problem("", Limits.TooManyRules(document.RuleCount)));
        }
        if (document.Geo is { } geo)
        {
            CheckGeo(geo, problems);
        }
        if (document.BlockedResponse is { } blocked)
        {
            BlockedResponseChecks.Check(blocked, problems);
        }
        CheckSection(document.Access, RuleSection.Access, problems, (rule, at) =>
        {
            if (rule.Mode is null)
            {
                problems.Add(new Problem(at + "/mode", "mode is required: allow (only the listed countries may enter) or block (the listed countries may not)"));
            }
            if (rule.Countries.IsEmpty)
            {
                problems.Add(new Problem(at + "/countries", "countries must list at least one country: an access rule decides for the countries it lists"));
            }
            CountryChecks.Check(rule.Countries, at + "/countries", problems);
        });
        CheckSection(document.Redirects, RuleSection.Redirects, problems, (rule, at) =>
        {
            CountryChecks.Check(rule.Countries, at + "/countries", problems);
            Add(problems, at + "/location", RedirectChecks.LocationProblem(rule));
            if (rule.Status is { } status && !Limits.RedirectStatuses.Contains(status))
            {
                problems.Add(new Problem(at + "/status", $"status must be {Limits.RedirectStatus}, not {ValueText.Number(status)}"));
            }
            SecondsCheck.Check("cacheSeconds", rule.CacheSeconds, at, problems);
        });
        CheckSection(document.Origins, RuleSection.Origins, problems, (rule, at) =>
        {
            CountryChecks.Check(rule.Countries, at + "/countries", problems);
            Add(problems, at + "/domainName", OriginChecks.DomainNameProblem(rule.DomainName ?? ""));
            if (rule.OriginPath is { } originPath)
            {
                Add(problems, at + "/originPath", OriginChecks.OriginPathProblem(originPath));
            }
            if (rule.Port is { } port && port is < Limits.MinPort or > Limits.MaxPort)
            {
                problems.Add(new Problem(at + "/port", $"port must be {Limits.Port}, not {ValueText.Number(port)}"));
            }
            if (rule.Protocol == OriginProtocol.Http && rule.AllowInsecure != true)
            {
                problems.Add(new Problem(at + "/protocol", "protocol http sends requests (and what they carry) to the origin unencrypted: use https, or set allowInsecure: true to allow it"));
            }
        });
        CheckSection(document.Cache, RuleSection.Cache, problems, (rule, at) => CacheChecks.Check(rule, at, problems));
        return ProblemOrder.Sort(problems);
    }

    private static void CheckSchema(string schema, List<Problem> problems)
    {
        if (schema.Length == 0)
        {
            problems.Add(new Problem("/schema", $"schema is required: write \"schema\": \"{RulesDocument.SchemaV1}\""));
        }
        else if (schema != RulesDocument.SchemaV1)
        {
            problems.Add(new Problem("/schema", $"schema {ValueText.Quote(schema)} is not supported; this version reads \"{RulesDocument.SchemaV1}\""));
        }
    }

    private static void CheckGeo(GeoSettings geo, List<Problem> problems)
    {
        if (geo.Countries.IsEmpty && geo.Mode == GeoMode.Allow)
        {
            problems.Add(new Problem("/geo/countries", "geo mode allow needs at least one country: an empty allow list would block every viewer (use mode off to let everyone in)"));
        }
        if (geo.Countries.IsEmpty && geo.Mode == GeoMode.Block)
        {
            problems.Add(new Problem("/geo/countries", "geo mode block needs at least one country: an empty block list blocks no one (use mode off instead)"));
        }
        CountryChecks.Check(geo.Countries, "/geo/countries", problems);
    }

    private static void CheckSection<T>(EquatableArray<T> rules, RuleSection section, List<Problem> problems, Action<T, string> checkRest)
        where T : IRule
    {
        var firstIdAt = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var at = JsonPointer.Append("/" + section.JsonName(), i);
            RuleChecks.Check(rules[i], at, firstIdAt, problems);
            checkRest(rules[i], at);
        }
    }

    private static void Add(List<Problem> problems, string pointer, string? message)
    {
        if (message is not null)
        {
            problems.Add(new Problem(pointer, message));
        }
    }
}
