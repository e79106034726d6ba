namespace EdgePortal.Edge.Shipping;

/// <summary>
/// The AWS error codes publishing decides on, spelled once: the retry policy, the publish steps and the
/// operator's sentences all name them from here.
/// </summary>
public static class AwsErrorCodes
{
    /// <summary>CloudFront: the ETag given with If-Match is stale; read the config again and re-apply the change.</summary>
    public const string PreconditionFailed = "PreconditionFailed";

    /// <summary>Lambda: a code or configuration update is still being applied.</summary>
    public const string ResourceConflict = "ResourceConflictException";

    /// <summary>Lambda: the RevisionId given is stale.</summary>
    public const string RevisionIdMismatch = "PreconditionFailedException";

    public const string InvalidationBatchAlreadyExists = "InvalidationBatchAlreadyExists";

    /// <summary>CloudFront: others' invalidations fill the distribution's in-progress quota; wait for them.</summary>
    public const string TooManyInvalidationsInProgress = "TooManyInvalidationsInProgress";

    /// <summary>CloudFront: a parameter (an invalidation path, say) is not one CloudFront accepts.</summary>
    public const string InvalidArgument = "InvalidArgument";

    /// <summary>IAM: no role has that name.</summary>
    public const string NoSuchEntity = "NoSuchEntity";

    /// <summary>Ours, not AWS's: the preflight check found the target unfit, so nothing was changed.</summary>
    public const string PreflightFailed = "PreflightFailed";

    /// <summary>CloudFront's throttling code.</summary>
    public const string Throttling = "Throttling";

    /// <summary>Lambda's throttling code (429, with Retry-After).</summary>
    public const string TooManyRequests = "TooManyRequestsException";

    /// <summary>Every code that means "slow down": the one list the retry policy and the sentences use.</summary>
    public static readonly IReadOnlySet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        Throttling, "ThrottlingException", TooManyRequests, "RequestLimitExceeded",
    };

    /// <summary>Codes worth another attempt: throttling, and the services' own failures.</summary>
    public static readonly IReadOnlySet<string> RetryableCodes = new HashSet<string>(
        [.. ThrottlingCodes, "ServiceException", "ServiceUnavailable", "InternalError", "InternalFailure", "RequestTimeout"],
        StringComparer.Ordinal);

    /// <summary>True when a distribution update lost a race with another writer.</summary>
    public static bool IsStaleETag(this AwsServiceException exception) =>
        exception.Service == "CloudFront" && exception.Code == PreconditionFailed;
}
