using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Simulation;

/// <summary>A refusal in AWS's own terms: the service, the error code, AWS's message and the HTTP status it answers with.</summary>
public sealed class SimulationException(string service, string code, string awsMessage, int statusCode)
    : Exception($"{service} answered {code}: {awsMessage}")
{
    public string Service { get; } = service;

    public string Code { get; } = code;

    /// <summary>The message exactly as AWS words it (what goes on the wire).</summary>
    public string AwsMessage { get; } = awsMessage;

    public int StatusCode { get; } = statusCode;

    internal static SimulationException Lambda(string code, string message, int statusCode) => new("Lambda", code, message, statusCode);

    internal static SimulationException CloudFront(string code, string message, int statusCode) => new("CloudFront", code, message, statusCode);

    /// <summary>The same error as the HTTP clients would raise it, for in-process targets.</summary>
    public AwsServiceException ToServiceException() =>
        new(Service, Code, AwsErrorSentences.Describe(Service, Code, AwsMessage), StatusCode, AwsErrorSentences.IsRetryable(Code, StatusCode));
}
