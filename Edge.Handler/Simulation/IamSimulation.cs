namespace EdgePortal.Edge.Simulation;

/// <summary>The slice of IAM the preflight reads: a role and its trust policy.</summary>
public sealed class IamSimulation
{
    private readonly AwsSimulation _simulation;

    internal IamSimulation(AwsSimulation simulation) => _simulation = simulation;

    public string ArnOf(string roleName) => $"arn:aws:iam::{_simulation.Options.AccountId}:role/{roleName}";

    /// <summary>Adds (or replaces) a role; for seeding and tests.</summary>
    public RoleRecord CreateRole(string name, string assumeRolePolicyDocument) =>
        _simulation.Account(account => account.Roles[name] = new RoleRecord(name, assumeRolePolicyDocument, _simulation.Now));

    public RoleRecord GetRole(string name) =>
        _simulation.Account(account => account.Roles.TryGetValue(name, out var role)
            ? role
            : throw new SimulationException("IAM", "NoSuchEntity", $"The role with name {name} cannot be found.", 404));

    /// <summary>The role an ARN names when it is in this account; null otherwise (CloudFront's checks skip roles they cannot see).</summary>
    internal static RoleRecord? FindByArn(AccountState account, SimulationOptions options, string roleArn)
    {
        var prefix = $"arn:aws:iam::{options.AccountId}:role/";
        return roleArn.StartsWith(prefix, StringComparison.Ordinal) && account.Roles.TryGetValue(roleArn[(roleArn.LastIndexOf('/') + 1)..], out var role)
            ? role
            : null;
    }

    /// <summary>The trust policy Lambda@Edge needs: both lambda.amazonaws.com and edgelambda.amazonaws.com may assume the role.</summary>
    public const string EdgeTrustPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","edgelambda.amazonaws.com"]},"Action":"sts:AssumeRole"}]}
        """;
}
