using System.Security.Claims;
using Bunit;
using EdgePortal.Portal.Components.Pages.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The local target's publish page rendered with bUnit over a <see cref="PublishingPortal"/>'s real services, and a signed-in user.</summary>
internal static class PublishingPage
{
    public static IRenderedComponent<TargetPublishing> Render(BunitContext context, PublishingPortal portal, out IRenderedComponent<MudDialogProvider> dialogs)
    {
        var scope = portal.Services.CreateScope();
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<ITargetService>());
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IRevisionService>());
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<PublishService>());
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<RollbackChangeSets>());
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<DeploymentHistory>());
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<TryRequestService>());
        context.Services.AddSingleton(portal.Services.GetRequiredService<PublishEvents>());
        context.Services.AddSingleton(portal.Services.GetRequiredService<Services.Plans.DeploymentPlans>());
        context.Services.AddSingleton(portal.Services.GetRequiredService<Services.Drift.DriftReports>());
        context.Services.AddSingleton(portal.Services.GetRequiredService<Services.Drift.DriftService>());
        context.Services.AddSingleton(portal.Services.GetRequiredService<Services.Versions.VersionService>());
        context.Render<MudPopoverProvider>();
        dialogs = context.Render<MudDialogProvider>();
        return context.Render<TargetPublishing>(p => p.Add(x => x.Id, PortalDatabase.LocalTargetId));
    }

    /// <summary>Adds a user with <paramref name="role"/> to the portal and signs them in to the bUnit context.</summary>
    public static async Task<ClaimsPrincipal> SignInAsync(BunitContext context, PublishingPortal portal, string role)
    {
        var user = await portal.UserAsync(role);
        var auth = context.AddAuthorization();
        auth.SetAuthorized(user.Identity!.Name!);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.FindFirstValue(ClaimTypes.NameIdentifier)!));
        return user;
    }
}
