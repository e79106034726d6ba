using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Validation;

/// <summary>Checks a redirect's <c>location</c>, which the handler sends as the <c>location</c> header.</summary>
internal static class RedirectChecks
{
    public static string? LocationProblem(RedirectRule rule)
    {
        var location = rule.Location ?? "";
        if (location.Length == 0)
        {
            return "location is required: an absolute https:// URL such as https://example.com/";
        }
        if (TextChecks.HasWhitespaceOrControl(location))
        {
            return "location must not contain spaces or control characters (it becomes the location header); percent-encode them, a space is %20";
        }
        if (!TextChecks.IsAscii(location))
        {
            return "location must be ASCII (it becomes the location header): percent-encode other characters and write international host names in punycode (xn--…)";
        }
        var schemeEnd = location.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? location[..schemeEnd].ToLowerInvariant() : "";
        if (scheme == "http" && rule.AllowInsecure != true)
        {
            return "location is an http:// URL: use https://, or set allowInsecure: true to allow an insecure redirect";
        }
        if (scheme is not ("https" or "http"))
        {
            return $"location must be an absolute https:// URL (http:// only with allowInsecure: true), not {ValueText.Quote(location)}";
        }
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return $"location must be an absolute URL with a host name, such as https://example.com/, not {ValueText.Quote(location)}";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "location must not contain a user name or password (user@host): browsers warn about such links and phishing uses them";
        }
        if (location.Contains('?') && rule.EffectiveAppendPath)
        {
            return "location must not contain a query string (?…) while appendPath is on: the path would be appended after the query (put the query in a rule without appendPath)";
        }
        if (location.Contains('#') && (rule.EffectiveAppendPath || rule.EffectiveKeepQuery))
        {
            return "location must not contain a fragment (#…) while appendPath or keepQuery is on: the path and query string would be appended after it (set both to false to keep the fragment)";
        }
        return null;
    }
}
