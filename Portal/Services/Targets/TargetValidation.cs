using System.Text.RegularExpressions;
using EdgePortal.Portal.Data;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Portal.Services.Targets;

/// <summary>
/// What is wrong with a <see cref="TargetInput"/>, one sentence per field, keyed by the field's name. The formats
/// are AWS's: Lambda@Edge functions must live in us-east-1, and CloudFront's distribution ids are E plus 13 letters
/// and digits. Nothing here reads the database except through <paramref name="others"/>.
/// </summary>
public static partial class TargetValidation
{
    public const int MaxApprovals = 5;

    /// <param name="others">Every other target (retired ones included), to check the id and the required target.</param>
    public static IReadOnlyDictionary<string, string> Problems(TargetInput input, IReadOnlyList<Target> others, bool adding)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (adding)
        {
            CheckId(input.Id, others, problems);
        }
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            problems[nameof(TargetInput.DisplayName)] = "DisplayName: give the target a name people will recognise, e.g. Production (EU).";
        }
        else if (input.DisplayName.Trim().Length > 200)
        {
            problems[nameof(TargetInput.DisplayName)] = "DisplayName: at most 200 characters.";
        }
        if (input.Kind == Edge.Publishing.TargetKind.Aws)
        {
            CheckAws(input, problems);
        }
        else if (adding)
        {
            problems[nameof(TargetInput.Kind)] = $"Kind: there is one local target ('{PortalDatabase.LocalTargetId}'); a new target is an AWS one.";
        }
        CheckLimits(input, problems);
        if (input.ApprovalsRequired is < 1 or > MaxApprovals)
        {
            problems[nameof(TargetInput.ApprovalsRequired)] = $"ApprovalsRequired: {input.ApprovalsRequired} is not between 1 and {MaxApprovals}.";
        }
        CheckRequiredTarget(input, others, problems);
        return problems;
    }

    private static void CheckId(string id, IReadOnlyList<Target> others, Dictionary<string, string> problems)
    {
        if (!IdPattern().IsMatch(id))
        {
            problems[nameof(TargetInput.Id)] = $"Id: '{id}' is not a target id; use 1 to 64 lower-case letters, digits and hyphens, starting with a letter (e.g. prod-eu).";
        }
        else if (others.Any(t => t.Id == id))
        {
            problems[nameof(TargetInput.Id)] = $"Id: there is already a target '{id}'.";
        }
    }

    private static void CheckAws(TargetInput input, Dictionary<string, string> problems)
    {
        if (FunctionProblem(input.FunctionName) is { } function)
        {
            problems[nameof(TargetInput.FunctionName)] = $"FunctionName: {function}";
        }
        if (string.IsNullOrWhiteSpace(input.DistributionId))
        {
            problems[nameof(TargetInput.DistributionId)] = "DistributionId: name the CloudFront distribution (E followed by 13 letters and digits, e.g. E2QWRUHAPOMQZL).";
        }
        else if (!DistributionPattern().IsMatch(input.DistributionId.Trim()))
        {
            problems[nameof(TargetInput.DistributionId)] = $"DistributionId: '{input.DistributionId.Trim()}' is not a distribution id; CloudFront's are E followed by 13 upper-case letters and digits (e.g. E2QWRUHAPOMQZL).";
        }
        var patterns = input.CacheBehaviors.Select(b => b.Trim()).ToList();
        if (patterns.FirstOrDefault(p => p.Length == 0 || p.Length > 255 || p.Any(char.IsWhiteSpace)) is { } bad)
        {
            problems[nameof(TargetInput.CacheBehaviors)] = $"CacheBehaviors: '{bad}' is not a path pattern (1 to 255 characters, no spaces, e.g. /video/*; * is the default behaviour).";
        }
        else if (patterns.GroupBy(p => p, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems[nameof(TargetInput.CacheBehaviors)] = $"CacheBehaviors: '{twice.Key}' is listed twice.";
        }
        if (input.EventTypes.FirstOrDefault(e => !TargetEventTypes.All.Contains(e)) is { } unknown)
        {
            problems[nameof(TargetInput.EventTypes)] = $"EventTypes: '{unknown}' is not a Lambda@Edge event type ({string.Join(", ", TargetEventTypes.All)}).";
        }
        else if (input.EventTypes.Count == 0)
        {
            problems[nameof(TargetInput.EventTypes)] = "EventTypes: choose at least one event type for the handler (origin-request and origin-response are usual).";
        }
        CheckCredentials(input, problems);
    }

    /// <summary>Null when <paramref name="function"/> is a function name or an unqualified ARN in us-east-1.</summary>
    private static string? FunctionProblem(string? function)
    {
        if (string.IsNullOrWhiteSpace(function))
        {
            return "name the Lambda function (its name, or its ARN in us-east-1).";
        }
        function = function.Trim();
        if (!function.StartsWith("arn:", StringComparison.Ordinal))
        {
            return FunctionNamePattern().IsMatch(function) ? null
                : $"'{function}' is not a function name (1 to 64 letters, digits, hyphens and underscores) or ARN.";
        }
        var arn = FunctionArnPattern().Match(function);
        if (!arn.Success)
        {
            return $"'{function}' is not a Lambda function ARN (arn:aws:lambda:us-east-1:ACCOUNT:function:NAME).";
        }
        if (arn.Groups["region"].Value != "us-east-1")
        {
            return $"Lambda@Edge functions must be in us-east-1; '{function}' is in {arn.Groups["region"].Value}.";
        }
        return arn.Groups["qualifier"].Success
            ? $"give the unqualified ARN (without :{arn.Groups["qualifier"].Value}); each publish creates and associates its own version."
            : null;
    }

    private static void CheckCredentials(TargetInput input, Dictionary<string, string> problems)
    {
        var role = input.RoleArn?.Trim();
        var externalId = input.ExternalId?.Trim();
        if (string.IsNullOrEmpty(role))
        {
            if (!string.IsNullOrEmpty(externalId))
            {
                problems[nameof(TargetInput.ExternalId)] = "ExternalId: an external id goes with a role to assume; give the RoleArn too, or leave both empty for the default chain.";
            }
            return;
        }
        if (AccessKeyPattern().IsMatch(role))
        {
            problems[nameof(TargetInput.RoleArn)] = "RoleArn: that is an access key id; the portal stores no secrets. Give a role ARN to assume, or leave it empty for the default credential chain.";
        }
        else if (!RoleArnPattern().IsMatch(role))
        {
            problems[nameof(TargetInput.RoleArn)] = $"RoleArn: '{role}' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).";
        }
        if (!string.IsNullOrEmpty(externalId) && !ExternalIdPattern().IsMatch(externalId))
        {
            problems[nameof(TargetInput.ExternalId)] = "ExternalId: 2 to 1224 letters, digits and + = , . @ : / - (AWS STS's format).";
        }
    }

    private static void CheckLimits(TargetInput input, Dictionary<string, string> problems)
    {
        var cloudFront = InvalidationLimits.Default;
        if (input.MaxInvalidationPaths is { } paths && (paths < 1 || paths > cloudFront.MaxPaths))
        {
            problems[nameof(TargetInput.MaxInvalidationPaths)] = $"MaxInvalidationPaths: {paths} is not between 1 and CloudFront's limit of {cloudFront.MaxPaths:N0}.";
        }
        if (input.MaxWildcardPaths is { } wildcards && (wildcards < 1 || wildcards > cloudFront.MaxWildcardPaths))
        {
            problems[nameof(TargetInput.MaxWildcardPaths)] = $"MaxWildcardPaths: {wildcards} is not between 1 and CloudFront's limit of {cloudFront.MaxWildcardPaths}.";
        }
    }

    private static void CheckRequiredTarget(TargetInput input, IReadOnlyList<Target> others, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(input.RequiredTargetId))
        {
            return;
        }
        var required = others.FirstOrDefault(t => t.Id == input.RequiredTargetId);
        if (input.RequiredTargetId == input.Id)
        {
            problems[nameof(TargetInput.RequiredTargetId)] = "RequiredTargetId: a target cannot require itself.";
        }
        else if (required is null)
        {
            problems[nameof(TargetInput.RequiredTargetId)] = $"RequiredTargetId: there is no target '{input.RequiredTargetId}'.";
        }
        else if (required.RetiredAt is not null)
        {
            problems[nameof(TargetInput.RequiredTargetId)] = $"RequiredTargetId: '{required.Id}' is retired, so nothing can go live there first.";
        }
        else if (RequiresChain(required, others).Contains(input.Id))
        {
            problems[nameof(TargetInput.RequiredTargetId)] = $"RequiredTargetId: '{required.Id}' already requires '{input.Id}' (directly or through others); that would be a circle.";
        }
    }

    private static HashSet<string> RequiresChain(Target start, IReadOnlyList<Target> all)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var next = start.RequiredTargetId; next is not null && seen.Add(next);)
        {
            next = all.FirstOrDefault(t => t.Id == next)?.RequiredTargetId;
        }
        return seen;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    // AWS issues E plus 13 characters; its documentation's examples (EDFDVBD6EXAMPLE, which the emulator seeds) have
    // 14, so one either side is accepted rather than refusing a distribution that exists.
    [GeneratedRegex("^E[A-Z0-9]{12,14}$")]
    private static partial Regex DistributionPattern();

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex FunctionNamePattern();

    [GeneratedRegex(@"^arn:aws:lambda:(?<region>[a-z0-9-]+):\d{12}:function:[a-zA-Z0-9_-]{1,64}(:(?<qualifier>[a-zA-Z0-9$_-]+))?$")]
    private static partial Regex FunctionArnPattern();

    [GeneratedRegex(@"^arn:aws:iam::\d{12}:role/[\w+=,.@/-]{1,512}$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex("^(AKIA|ASIA)[A-Z0-9]{16}$")]
    private static partial Regex AccessKeyPattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$")]
    private static partial Regex ExternalIdPattern();
}
