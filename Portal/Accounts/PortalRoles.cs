using System.Security.Claims;

namespace EdgePortal.Portal.Accounts;

/// <summary>
/// The four roles, each including the ones before it: Viewer &lt; Editor &lt; Approver &lt; Admin.
/// Policy names are the role names: <c>[Authorize(Policy = PortalRoles.Editor)]</c> admits Editors and above.
/// </summary>
public static class PortalRoles
{
    public const string Viewer = "Viewer";
    public const string Editor = "Editor";
    public const string Approver = "Approver";
    public const string Admin = "Admin";

    /// <summary>Lowest to highest.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Editor, Approver, Admin];

    /// <summary>The roles that satisfy <paramref name="minimum"/>.</summary>
    public static string[] AtLeast(string minimum) => [.. All.Skip(Rank(minimum))];

    /// <summary>True when the user holds <paramref name="minimum"/> or a higher role.</summary>
    public static bool IsAtLeast(this ClaimsPrincipal user, string minimum) =>
        user.Identity?.IsAuthenticated == true && AtLeast(minimum).Any(user.IsInRole);

    /// <summary>The user's highest role, or null when they hold none.</summary>
    public static string? HighestRole(this ClaimsPrincipal user) => All.LastOrDefault(user.IsInRole);

    /// <summary>Accepts a role name in any letter case; false for anything else.</summary>
    public static bool TryParse(string? text, out string role)
    {
        role = All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return role.Length > 0;
    }

    private static int Rank(string role)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == role)
            {
                return i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(role), role, $"Unknown role; expected one of {string.Join(", ", All)}.");
    }
}
