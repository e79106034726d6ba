namespace EdgePortal.Edge.Shipping;

/// <summary>The one IAM operation the preflight needs: reading the execution role's trust policy.</summary>
public interface IIamClient
{
    /// <summary>GetRole; throws <see cref="AwsServiceException"/> (NoSuchEntity, AccessDenied) when it cannot.</summary>
    Task<IamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken);
}

/// <summary>A role's name, ARN and trust policy (the JSON, already URL-decoded).</summary>
public sealed record IamRole(string RoleName, string Arn, string AssumeRolePolicyDocument);
