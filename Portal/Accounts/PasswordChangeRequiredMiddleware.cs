namespace EdgePortal.Portal.Accounts;

/// <summary>
/// Sends a user who signed in with a generated (one-time) password to the change-password page
/// until they have chosen their own. Pages only: framework files and the account pages pass.
/// </summary>
public sealed class PasswordChangeRequiredMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/change-password";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var mustChange = context.User.HasClaim(c => c.Type == PortalClaimsPrincipalFactory.MustChangePasswordClaim);
        // The API never reads the cookie this claim came from.
        var exempt = path.StartsWithSegments("/account") || path.StartsWithSegments("/api/v1") || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content") || Path.HasExtension(path.Value);
        if (mustChange && !exempt && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect(ChangePasswordPath);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
