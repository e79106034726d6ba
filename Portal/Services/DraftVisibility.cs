using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services;

/// <summary>
/// An unsubmitted draft is its author's work in progress: only the author and Admins read it (in the pages,
/// the exports and the services alike). Once submitted, a change set is for every signed-in user to review.
/// </summary>
public static class DraftVisibility
{
    public const string Refusal = "This draft is not submitted yet; only its author and Admins can read it.";

    public static bool CanRead(ClaimsPrincipal user, ChangeSetState state, string authorId) =>
        state != ChangeSetState.Draft
        || user.IsAtLeast(PortalRoles.Admin)
        || (user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) == authorId);
}
