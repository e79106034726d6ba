using System.Text.Encodings.Web;
using EdgePortal.Portal.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EdgePortal.Portal.Api;

/// <summary>
/// <c>Authorization: Bearer ept_…</c> for <c>/api/v1</c> only. The API never reads the sign-in cookie, so a page on
/// another site cannot make a signed-in browser call it (no CSRF surface). A refusal is a JSON problem, never a redirect.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    // "Bearer " and the longest token; anything longer is refused unread.
    private const int MaxHeaderLength = 7 + ApiTokenSecret.MaxLength;

    private const string RefusalKey = "edgeportal:token-refusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }
        string? refusal;
        var text = header.Count == 1 ? header[0] ?? "" : "";
        if (text.Length > MaxHeaderLength)
        {
            refusal = $"The Authorization header is longer than {MaxHeaderLength} characters; send \"Bearer <token>\".";
        }
        else if (!text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            refusal = "Send the token as \"Authorization: Bearer <token>\".";
        }
        else
        {
            var (user, refused) = await tokens.AuthenticateAsync(text["Bearer ".Length..].Trim(), SchemeName, Context.RequestAborted);
            if (user is not null)
            {
                return AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName));
            }
            refusal = refused;
        }
        Context.Items[RefusalKey] = refusal;
        return AuthenticateResult.Fail(refusal ?? "The token is not valid.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[RefusalKey] as string ?? "This API needs a token: send \"Authorization: Bearer <token>\" (create one under API tokens in the portal).";
        return ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Not authenticated", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this.");
}
