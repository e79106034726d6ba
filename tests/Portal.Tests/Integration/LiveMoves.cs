using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The story of issue #10: while a draft is open on revision 1, someone else's change goes live as revision 2.</summary>
internal static class LiveMoves
{
    /// <summary>Revision 2 of the story: a geo list and two redirects, none of which the draft has.</summary>
    public static readonly RulesDocument Revision2 = RulesDocument.Empty with
    {
        Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["DE", "AT"] },
        Redirects =
        [
            new RedirectRule { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/" },
            new RedirectRule { Id = "us-home", Path = "/*", Countries = ["US"], Location = "https://us.example.com/" },
        ],
    };

    public static readonly CacheRule ApiNoStore = new() { Id = "api", Path = "/api/*", NoStore = true };

    /// <summary>
    /// Another editor's change set holding <paramref name="document"/>, approved by another approver and made
    /// live the way the publisher does (the target's live revision); returns the new live revision's id.
    /// </summary>
    public static async Task<long> GoLiveAsync(this PortalFactory factory, RulesDocument document)
    {
        var other = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var changeSet = await factory.ChangeSetOfAsync(other, document);
        await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, changeSet.Id, changeSet.Version, null)));
        return await factory.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var revision = await db.Revisions.Where(r => r.ChangeSetId == changeSet.Id).Select(r => r.Id).SingleAsync();
            await db.Targets.Where(t => t.Id == "local").ExecuteUpdateAsync(u => u.SetProperty(t => t.LiveRevisionId, revision));
            return revision;
        });
    }

    public static Task<int> ChangeSetCountAsync(this PortalFactory factory, ClaimsPrincipal author) =>
        factory.WithServicesAsync(s =>
        {
            var id = author.FindFirstValue(ClaimTypes.NameIdentifier);
            return s.GetRequiredService<PortalDbContext>().ChangeSets.CountAsync(c => c.AuthorId == id);
        });

    public static Task<List<string>> AuditActionsAsync(this PortalFactory factory, long changeSetId) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents
            .Where(a => a.Subject == $"changeset/{changeSetId}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    /// <summary>The editor's store as one circuit of <paramref name="user"/> has it, on the real services.</summary>
    public static DraftStore EditorOf(this PortalFactory factory, ClaimsPrincipal user)
    {
        var services = factory.Services.CreateScope().ServiceProvider;
        return new DraftStore(new DraftSession(), services.GetRequiredService<IChangeSetService>(), services.GetRequiredService<ITargetService>(),
            services.GetRequiredService<IRevisionService>(), new SignedIn(user));
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
