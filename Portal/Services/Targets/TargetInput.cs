using EdgePortal.Portal.Data;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Targets;

/// <summary>
/// What an Admin fills in to add or edit a target, on the Targets page or with <c>targets add</c>. Text stays as typed
/// (the form binds to it); <see cref="TargetValidation"/> says what is wrong with it, field by field.
/// </summary>
public sealed class TargetInput
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public Edge.Publishing.TargetKind Kind { get; set; } = Edge.Publishing.TargetKind.Aws;

    /// <summary>Lambda function name or unqualified ARN, in us-east-1.</summary>
    public string? FunctionName { get; set; }

    public string? DistributionId { get; set; }

    /// <summary>Path patterns; empty (or <c>*</c>) is the default cache behaviour.</summary>
    public List<string> CacheBehaviors { get; set; } = [];

    public List<string> EventTypes { get; set; } = [.. TargetEventTypes.Default];

    /// <summary>Null: the default credential chain's own identity.</summary>
    public string? RoleArn { get; set; }

    public string? ExternalId { get; set; }

    /// <summary>Null: CloudFront's own limit.</summary>
    public int? MaxInvalidationPaths { get; set; }

    public int? MaxWildcardPaths { get; set; }

    public int ApprovalsRequired { get; set; } = 1;

    public string? RequiredTargetId { get; set; }

    /// <summary>The geo restriction read from the distribution, to become the new target's first revision; null starts empty.</summary>
    public GeoSettings? AdoptedGeo { get; set; }

    /// <summary>The form's values for an existing target.</summary>
    public static TargetInput From(Target target)
    {
        var settings = Publishing.TargetSettings.Read(target);
        return new TargetInput
        {
            Id = target.Id,
            DisplayName = target.DisplayName,
            Kind = target.Kind,
            FunctionName = target.FunctionName,
            DistributionId = target.DistributionId,
            CacheBehaviors = [.. target.CacheBehaviors],
            EventTypes = target.EventTypes.Count == 0 ? [.. TargetEventTypes.Default] : [.. target.EventTypes],
            RoleArn = settings.RoleArn,
            ExternalId = settings.ExternalId,
            MaxInvalidationPaths = settings.MaxInvalidationPaths,
            MaxWildcardPaths = settings.MaxWildcardPaths,
            ApprovalsRequired = target.ApprovalsRequired,
            RequiredTargetId = target.RequiredTargetId,
        };
    }
}

/// <summary>Lambda@Edge's four event types, in the order a request meets them.</summary>
public static class TargetEventTypes
{
    public static IReadOnlyList<string> All { get; } = ["viewer-request", "origin-request", "origin-response", "viewer-response"];

    /// <summary>Where the handler runs unless the target says otherwise (the publisher's default too).</summary>
    public static IReadOnlyList<string> Default { get; } = ["origin-request", "origin-response"];
}
