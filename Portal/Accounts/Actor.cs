using System.Security.Claims;

namespace EdgePortal.Portal.Accounts;

/// <summary>Who is acting: the account id and the name shown in the audit history.</summary>
public sealed record Actor(string Id, string Name)
{
    public static Actor System { get; } = new("system", "system");

    /// <summary>The signed-in user; throws for an anonymous principal, which no service accepts.</summary>
    public static Actor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.Identity?.Name;
        if (user.Identity?.IsAuthenticated != true || id is null || name is null)
        {
            throw new UnauthorizedAccessException("Sign in first.");
        }
        return new Actor(id, name);
    }
}
