using Microsoft.AspNetCore.Mvc;

namespace EdgePortal.Portal.Accounts;

/// <summary>Sign-out is a POST with an antiforgery token (a link could sign people out from another site).</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The form field makes this a form-bound endpoint, which is what switches on antiforgery validation.
        app.MapPost("/account/logout", async (HttpContext context, [FromServices] SignInService signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync(context.User);
            return TypedResults.LocalRedirect("/account/login");
        });
    }
}
