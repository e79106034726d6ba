using System.Security.Claims;

namespace EdgePortal.Portal.Services.Targets;

/// <summary>"Promote to production" for the change set page (<see cref="PromotionService"/>).</summary>
public interface IPromotionService
{
    /// <summary>The targets the change set's document may be promoted to now; empty until its own target runs it.</summary>
    Task<IReadOnlyList<PromotionOffer>> OffersAsync(long changeSetId, CancellationToken cancellationToken = default);

    /// <summary>Creates and submits the change set on <paramref name="targetId"/>; refused unless it is offered.</summary>
    Task<ChangeSetResult> PromoteAsync(ClaimsPrincipal user, long changeSetId, string targetId, CancellationToken cancellationToken = default);
}
