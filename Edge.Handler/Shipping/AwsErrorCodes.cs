namespace EdgePortal.Edge.Shipping;

/// <summary>The AWS error codes publishing decides on, so callers need not spell them.</summary>
public static class AwsErrorCodes
{
    /// <summary>CloudFront: the ETag given with If-Match is stale; read the config again and re-apply the change.</summary>
    public const string PreconditionFailed = "PreconditionFailed";

    /// <summary>Lambda: a code or configuration update is still being applied.</summary>
    public const string ResourceConflict = "ResourceConflictException";

    /// <summary>Lambda: the RevisionId given is stale.</summary>
    public const string RevisionIdMismatch = "PreconditionFailedException";

    public const string InvalidationBatchAlreadyExists = "InvalidationBatchAlreadyExists";

    /// <summary>True when a distribution update lost a race with another writer.</summary>
    public static bool IsStaleETag(this AwsServiceException exception) =>
        exception.Service == "CloudFront" && exception.Code == PreconditionFailed;
}
