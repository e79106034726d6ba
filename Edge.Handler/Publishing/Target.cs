using EdgePortal.Edge.Local;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Edge.Publishing;

/// <summary>Where a target lives: real AWS, or the in-process simulation of a fresh machine. The portal stores it by name.</summary>
public enum TargetKind
{
    Aws,
    Local,
}

/// <summary>
/// A place a revision is published to: one Lambda function (us-east-1), one distribution, the cache
/// behaviours whose associations the publish moves, and how to reach and pay for it.
/// </summary>
public sealed record Target
{
    /// <summary>The default cache behaviour, as a path pattern.</summary>
    public const string DefaultBehavior = "*";

    public required string Name { get; init; }

    public TargetKind Kind { get; init; } = TargetKind.Aws;

    public required string FunctionName { get; init; }

    public required string DistributionId { get; init; }

    /// <summary>Path patterns of the cache behaviours to associate; <c>*</c> is the default behaviour.</summary>
    public EquatableArray<string> CacheBehaviors { get; init; } = [DefaultBehavior];

    /// <summary>Lambda@Edge event types the handler is associated with.</summary>
    public EquatableArray<string> EventTypes { get; init; } = ["origin-request", "origin-response"];

    /// <summary>CloudFront's limits unless the target sets lower ones (Rules.Core holds the numbers).</summary>
    public InvalidationLimits InvalidationLimits { get; init; } = InvalidationLimits.Default;

    public TargetCredentials Credentials { get; init; } = new();

    /// <summary>Service endpoints to use instead of AWS's (the emulator in tests); null for AWS.</summary>
    public TargetEndpoints? Endpoints { get; init; }

    /// <summary>The local target: the simulated function and distribution of <paramref name="options"/>.</summary>
    public static Target ForLocal(LocalTargetOptions options) => new()
    {
        Name = LocalTarget.Name,
        Kind = TargetKind.Local,
        FunctionName = options.FunctionName,
        DistributionId = options.DistributionId,
    };
}

/// <summary>The default AWS credential chain, or that chain assuming a role.</summary>
public sealed record TargetCredentials
{
    /// <summary>Null: the default chain's own identity.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The external id the role's trust policy asks for, if any.</summary>
    public string? ExternalId { get; init; }
}

/// <summary>Base URLs of the Lambda, CloudFront, (for a role) STS and (for the trust check) IAM APIs, for the emulator.</summary>
public sealed record TargetEndpoints(Uri Lambda, Uri CloudFront, Uri? Sts = null, Uri? Iam = null);
