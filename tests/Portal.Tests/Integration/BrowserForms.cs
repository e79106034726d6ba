using System.Net;
using System.Text.RegularExpressions;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Posts the portal's server-rendered forms the way a browser does: the page's antiforgery token and its handler name.</summary>
public static partial class BrowserForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await browser.GetStringAsync(path);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
        };
        form.AddRange(fields);
        return await browser.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        PostFormAsync(browser, "/account/login", "login", [new("Input.Email", email), new("Input.Password", password)]);

    /// <summary>Where a redirect points, as a path (the server writes some absolute, some relative).</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
