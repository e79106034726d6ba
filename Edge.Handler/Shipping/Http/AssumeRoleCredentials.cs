using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace EdgePortal.Edge.Shipping.Http;

/// <summary>
/// Temporary credentials of a role, assumed through STS with the source credentials and renewed before they expire.
/// The STS endpoint is configurable so tests (and the emulator) can stand in for STS.
/// </summary>
public sealed class AssumeRoleCredentials : RefreshingAWSCredentials
{
    private readonly AmazonSecurityTokenServiceClient _sts;
    private readonly AssumeRoleRequest _request;

    public AssumeRoleCredentials(AWSCredentials source, string roleArn, string sessionName, string? externalId = null, Uri? stsEndpoint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionName);
        var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = Amazon.RegionEndpoint.USEast1 };
        if (stsEndpoint is not null)
        {
            config.ServiceURL = stsEndpoint.ToString();
            config.AuthenticationRegion = "us-east-1";
        }

        _sts = new AmazonSecurityTokenServiceClient(source, config);
        _request = new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = sessionName, ExternalId = externalId, DurationSeconds = 3600 };
        PreemptExpiryTime = TimeSpan.FromMinutes(5);
    }

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        try
        {
            var response = await _sts.AssumeRoleAsync(_request).ConfigureAwait(false);
            var credentials = response.Credentials;
            return new CredentialsRefreshState(
                new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
                credentials.Expiration ?? DateTime.UtcNow.AddHours(1));
        }
        catch (AmazonSecurityTokenServiceException exception)
        {
            throw new AwsServiceException("STS", exception.ErrorCode ?? "Unknown",
                AwsErrorSentences.Describe("STS", exception.ErrorCode ?? "Unknown", $"could not assume {_request.RoleArn}: {exception.Message}"),
                (int)exception.StatusCode, false);
        }
    }
}
