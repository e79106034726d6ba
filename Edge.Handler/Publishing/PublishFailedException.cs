using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>A step could not finish: <see cref="Exception.Message"/> is the sentence the operator reads.</summary>
public sealed class PublishFailedException(string message, string? code = null, Exception? inner = null, bool outOfTime = false)
    : Exception(message, inner)
{
    /// <summary>The AWS error code behind the failure, when there is one.</summary>
    public string? Code { get; } = code;

    /// <summary>True when the step's deadline ended it (a wait, a retry or a hung call), not a refusal.</summary>
    public bool OutOfTime { get; } = outOfTime;

    public static PublishFailedException From(string what, AwsServiceException error, string? suffix = null)
        => new($"{what} failed: {error.Message}{suffix}", error.Code, error);

    /// <summary>A call the one retry layer gave up on: the last failure and why it stopped (attempts or time).</summary>
    public static PublishFailedException From(string what, RetriesExhaustedException exhausted)
    {
        var last = exhausted.InnerException!;
        var said = exhausted.Attempts == 0 ? $"{what} was not sent: {exhausted.Message}."
            : $"{what} failed: {(last is AwsServiceException aws ? aws.Message : RetryPolicy.Reason(last))} ({exhausted.Message})";
        return new(said, (last as AwsServiceException)?.Code, exhausted, exhausted.OutOfTime);
    }
}

/// <summary>Another deployment holds the target; this one stays Queued and may be run once that one ends.</summary>
public sealed class TargetBusyException(string targetId, string deploymentId, string holderDeploymentId)
    : Exception($"Target '{targetId}' is being published by deployment {holderDeploymentId}; deployment {deploymentId} was not started.")
{
    public string TargetId { get; } = targetId;

    public string HolderDeploymentId { get; } = holderDeploymentId;
}
