using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Preflight;

/// <summary>The execution role must let both lambda.amazonaws.com and edgelambda.amazonaws.com assume it, or CloudFront refuses the association.</summary>
internal static class RoleCheck
{
    private const string Check = "Execution role";

    public static async Task<CheckResult> RunAsync(string? roleArn, IIamClient? iam, PreflightReads reads, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(roleArn))
        {
            return CheckResult.NotChecked(Check, "The function reports no execution role, so its trust policy could not be checked.");
        }
        if (iam is null)
        {
            return CheckResult.NotChecked(Check, $"Could not check role {roleArn}: the portal has no IAM endpoint for this target. Make sure it trusts {TrustPolicy.EdgeLambda}.");
        }
        var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        IamRole role;
        try
        {
            role = await reads.ReadAsync("GetRole", ct => iam.GetRoleAsync(roleName, ct), cancellationToken);
        }
        catch (AwsServiceException error) when (error.Code == AwsErrorCodes.NoSuchEntity)
        {
            return CheckResult.Fail(Check, $"Role {roleArn} does not exist: give the function an execution role that trusts {TrustPolicy.Lambda} and {TrustPolicy.EdgeLambda}.");
        }
        catch (AwsServiceException error)
        {
            return CheckResult.NotChecked(Check, $"Could not check role {roleArn} ({error.Message}); allow iam:GetRole on it to have it checked. Make sure it trusts {TrustPolicy.EdgeLambda}.");
        }
        catch (PublishFailedException error)
        {
            return CheckResult.NotChecked(Check, $"Could not check role {roleArn}: IAM did not answer ({error.Message}). Make sure it trusts {TrustPolicy.EdgeLambda}.");
        }

        var missing = new[] { TrustPolicy.Lambda, TrustPolicy.EdgeLambda }.Where(s => !TrustPolicy.Allows(role.AssumeRolePolicyDocument, s)).ToList();
        return missing.Count == 0
            ? CheckResult.Pass(Check, $"Role {role.RoleName} trusts {TrustPolicy.Lambda} and {TrustPolicy.EdgeLambda}.")
            : CheckResult.Fail(Check, $"Role {role.RoleName}'s trust policy does not let {string.Join(" or ", missing)} assume it: add {(missing.Count == 1 ? "that service principal" : "those service principals")} with sts:AssumeRole.");
    }
}
