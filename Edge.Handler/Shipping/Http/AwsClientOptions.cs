namespace EdgePortal.Edge.Shipping.Http;

/// <summary>Where the clients send their requests and how they retry. Point the endpoints at the emulator in tests.</summary>
public sealed record AwsClientOptions
{
    public Uri LambdaEndpoint { get; init; } = new("https://lambda.us-east-1.amazonaws.com");

    public Uri CloudFrontEndpoint { get; init; } = new("https://cloudfront.amazonaws.com");

    /// <summary>IAM is global and signs for us-east-1. The emulator serves it under <c>/iam/</c>.</summary>
    public Uri IamEndpoint { get; init; } = new("https://iam.amazonaws.com/");

    /// <summary>Lambda@Edge functions live in us-east-1, and CloudFront signs for us-east-1.</summary>
    public string Region { get; init; } = "us-east-1";

    public RetryOptions Retry { get; init; } = new();

    /// <summary>An endpoint pair for a local emulator listening on <paramref name="baseUri"/>.</summary>
    public static AwsClientOptions ForEmulator(Uri baseUri, RetryOptions? retry = null) =>
        new() { LambdaEndpoint = baseUri, CloudFrontEndpoint = baseUri, IamEndpoint = new Uri(baseUri, "/iam/"), Retry = retry ?? new RetryOptions() };
}
