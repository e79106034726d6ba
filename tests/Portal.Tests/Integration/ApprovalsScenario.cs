using System.Security.Claims;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Rules.Document;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The steps approval and audit tests share: people with roles, a submitted change set, calls to the services.</summary>
internal static class ApprovalsScenario
{
    public const string Password = "Str0ng-Password!";

    /// <summary>What every submission in the tests is titled and described as (both are required on submit).</summary>
    public const string Title = "Canada to its own site";

    public const string Description = "Sends viewers in Canada to the Canadian site.";

    public static readonly RulesDocument OneRedirect = RulesDocument.Empty with
    {
        Redirects = [new RedirectRule { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/" }],
    };

    public static string NewEmail(string role) => $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";

    public static Task<ClaimsPrincipal> NewUserAsync(this PortalFactory factory, string role) => factory.CreateUserAsync(NewEmail(role), role);

    public static Task<T> ChangeSetsAsync<T>(this PortalFactory factory, Func<IChangeSetService, Task<T>> call) =>
        factory.WithServicesAsync(s => call(s.GetRequiredService<IChangeSetService>()));

    public static Task<T> ApprovalsAsync<T>(this PortalFactory factory, Func<IApprovalService, Task<T>> call) =>
        factory.WithServicesAsync(s => call(s.GetRequiredService<IApprovalService>()));

    public static async Task<ChangeSetView> SavedAsync(Task<ChangeSetResult> result) => Assert.IsType<ChangeSetResult.Saved>(await result).ChangeSet;

    /// <summary>A draft of <paramref name="author"/> holding <paramref name="document"/>, submitted unless told otherwise.</summary>
    public static async Task<ChangeSetView> ChangeSetOfAsync(this PortalFactory factory, ClaimsPrincipal author, RulesDocument? document = null, bool submit = true)
    {
        var draft = await SavedAsync(factory.ChangeSetsAsync(s => s.GetOrCreateDraftAsync(author, "local")));
        var saved = await SavedAsync(factory.ChangeSetsAsync(s => s.SaveDraftAsync(author, draft.Id, document ?? OneRedirect, draft.Version)));
        return submit ? await SavedAsync(factory.ChangeSetsAsync(s => s.SubmitAsync(author, saved.Id, saved.Version, ApprovalsScenario.Title, ApprovalsScenario.Description))) : saved;
    }
}
