using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace EdgePortal.Edge.Shipping.Http;

/// <summary>Where the signing credentials come from.</summary>
public static class AwsCredentialsFactory
{
    /// <summary>
    /// The SDK's default chain: environment variables, the shared profile (AWS_PROFILE), container and
    /// instance credentials. A profile with role_arn and source_profile assumes that role through the chain.
    /// </summary>
    public static AWSCredentials FromDefaultChain() => DefaultAWSCredentialsIdentityResolver.GetCredentials();

    /// <summary>Fixed keys (tests against the emulator, or keys an operator pasted); a session token for temporary keys.</summary>
    public static AWSCredentials FromKeys(string accessKeyId, string secretAccessKey, string? sessionToken = null) =>
        sessionToken is null
            ? new BasicAWSCredentials(accessKeyId, secretAccessKey)
            : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken);

    /// <summary>A role assumed with <paramref name="source"/> (for example the default chain), renewed before it expires.</summary>
    public static AWSCredentials AssumeRole(AWSCredentials source, string roleArn, string sessionName = "edgeportal", string? externalId = null, Uri? stsEndpoint = null) =>
        new AssumeRoleCredentials(source, roleArn, sessionName, externalId, stsEndpoint);
}
