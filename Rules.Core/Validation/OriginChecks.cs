using System.Text.RegularExpressions;

namespace EdgePortal.Rules.Validation;

/// <summary>Checks an origin rule's <c>domainName</c> (also sent as the <c>host</c> header) and <c>originPath</c>.</summary>
internal static partial class OriginChecks
{
    // A letter-digit-hyphen label: 1 to 63 characters, no hyphen at either end.
    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex Label();

    private const string HostName = "a host name such as eu-library.example.com";

    public static string? DomainNameProblem(string domainName)
    {
        if (domainName.Length == 0)
        {
            return $"domainName is required: {HostName}";
        }
        if (TextChecks.HasWhitespaceOrControl(domainName))
        {
            return "domainName must not contain spaces or control characters: it becomes the host header";
        }
        var schemeEnd = domainName.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var host = domainName[(schemeEnd + 3)..].Split('/', ':')[0];
            return $"domainName must be a host name without a scheme: write {ValueText.Quote(host)}, not {ValueText.Quote(domainName)}";
        }
        if (domainName.Contains('/'))
        {
            return "domainName must be a host name without a path; put the path in originPath";
        }
        if (domainName.Contains(':'))
        {
            return "domainName must be a host name without a port";
        }
        if (domainName.Length > Limits.MaxHostNameLength)
        {
            return $"domainName is {domainName.Length} characters long; at most {Limits.MaxHostNameLength} are allowed";
        }
        var labels = domainName.Split('.');
        if (!labels.All(l => Label().IsMatch(l)))
        {
            return $"domainName must be {HostName}: labels of letters, digits and hyphens (1 to 63 each, no hyphen at either end) joined by dots, not {ValueText.Quote(domainName)}";
        }
        if (labels.Length < 2)
        {
            return $"domainName must be a fully qualified host name with at least one dot, such as origin.example.com, not {ValueText.Quote(domainName)}";
        }
        if (labels[^1].All(char.IsAsciiDigit))
        {
            return "domainName must be a host name, not an IP address: CloudFront custom origins are DNS names";
        }
        return null;
    }

    public static string? OriginPathProblem(string originPath)
    {
        if (originPath.Length == 0)
        {
            return "originPath must not be empty; leave it out for none";
        }
        if (TextChecks.HasWhitespaceOrControl(originPath))
        {
            return "originPath must not contain spaces or control characters; percent-encode them, a space is %20";
        }
        if (!TextChecks.IsAscii(originPath))
        {
            return "originPath must be ASCII; percent-encode other characters (é is %C3%A9)";
        }
        if (originPath[0] != '/')
        {
            return $"originPath must start with /, such as /eu, not {ValueText.Quote(originPath)}";
        }
        if (originPath == "/")
        {
            return "originPath \"/\" is the origin's root: leave originPath out instead";
        }
        if (originPath[^1] == '/')
        {
            return $"originPath must not end with /: write {ValueText.Quote(originPath.TrimEnd('/'))}";
        }
        if (originPath.Length > Limits.MaxOriginPathLength)
        {
            return $"originPath is {originPath.Length} characters long; at most {Limits.MaxOriginPathLength} are allowed";
        }
        if (originPath.IndexOfAny(['?', '#']) >= 0)
        {
            return "originPath must not contain ? or #: it is a path prefix, not a query string";
        }
        return null;
    }
}
