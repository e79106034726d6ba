namespace EdgePortal.Edge.Shipping;

/// <summary>Turns AWS error codes into sentences an operator can act on, and says which are worth retrying.</summary>
public static class AwsErrorSentences
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["PreconditionFailed"] = "the distribution changed since it was read",
        ["InvalidIfMatchVersion"] = "the update did not say which version of the distribution it replaces",
        ["NoSuchDistribution"] = "no distribution has that id in this account",
        ["NoSuchInvalidation"] = "no invalidation has that id for this distribution",
        ["InvalidationBatchAlreadyExists"] = "this caller reference was already used for other paths",
        ["TooManyInvalidationsInProgress"] = "too many invalidation paths are still in progress; wait for some to finish",
        ["BatchTooLarge"] = "the invalidation has more paths than CloudFront accepts at once",
        ["InconsistentQuantities"] = "a Quantity in the configuration does not match its number of items",
        ["InvalidLambdaFunctionAssociation"] = "CloudFront does not accept the Lambda@Edge association",
        ["TooManyLambdaFunctionAssociations"] = "a cache behaviour names more functions than it may",
        ["IllegalUpdate"] = "the update changes something CloudFront does not allow to change",
        ["Throttling"] = "requests were throttled",
        ["TooManyRequestsException"] = "requests were throttled",
        ["ResourceConflictException"] = "the function is still being updated",
        ["ResourceNotFoundException"] = "the function does not exist in this account and region",
        ["PreconditionFailedException"] = "the function changed since it was read",
        ["CodeStorageExceededException"] = "the account's code storage is full; delete old versions",
        ["RequestEntityTooLargeException"] = "the code package is too large",
        ["InvalidSignatureException"] = "the request signature was rejected (check the secret key and the clock)",
        ["SignatureDoesNotMatch"] = "the request signature was rejected (check the secret key and the clock)",
        ["UnrecognizedClientException"] = "the access key is not known",
        ["InvalidClientTokenId"] = "the access key is not known",
        ["NoSuchCachePolicy"] = "no cache policy has that id",
        ["NoSuchEntity"] = "IAM has no such role",
        ["AccessDenied"] = "the credentials are not allowed to do this",
        ["AccessDeniedException"] = "the credentials are not allowed to do this",
    };

    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded",
        "ServiceException", "ServiceUnavailable", "InternalError", "InternalFailure", "RequestTimeout",
    };

    /// <summary>"the distribution changed since it was read (The If-Match version is missing ...)" style text.</summary>
    public static string Describe(string service, string code, string awsMessage)
    {
        var meaning = Meanings.GetValueOrDefault(code) ?? $"{service} refused the request";
        return string.IsNullOrWhiteSpace(awsMessage) ? meaning : $"{meaning} ({awsMessage.Trim()})";
    }

    public static bool IsRetryable(string code, int statusCode) => RetryableCodes.Contains(code) || statusCode >= 500 || statusCode == 429;
}
