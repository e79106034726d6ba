using System.Security.Claims;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services.Lifecycle;

/// <summary>The table's answer as a service result: null when the move may go ahead.</summary>
internal static class LifecycleGate
{
    public static ChangeSetResult? Refuse(ClaimsPrincipal user, ChangeSet? changeSet, ChangeSetAction action)
    {
        if (changeSet is null)
        {
            return new ChangeSetResult.NotFound("This change set does not exist.");
        }
        var decision = ChangeSetLifecycle.Decide(user, changeSet.State, changeSet.AuthorId, changeSet.AuthorName, action);
        if (decision.Allowed)
        {
            return null;
        }
        return decision.ByRole ? new ChangeSetResult.Forbidden(decision.Refusal!) : new ChangeSetResult.Invalid(decision.Refusal!, []);
    }
}
