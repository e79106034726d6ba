using System.Xml.Linq;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Simulation;

/// <summary>
/// Lambda@Edge's rules for the functions a cache behaviour names: a numbered version in us-east-1 that exists,
/// at most one function per event type (so at most four), the package size the event type allows, and a function
/// configuration Lambda@Edge can replicate (runtime, no environment variables or layers, a zip for x86_64, timeout and
/// memory within the event's quota, a role edgelambda.amazonaws.com may assume).
/// </summary>
internal static class EdgeAssociationRules
{
    public const long ViewerEventMaxBytes = 1024 * 1024;

    private static readonly string[] EventTypes = ["viewer-request", "viewer-response", "origin-request", "origin-response"];

    public static void Check(XElement config, SimulationOptions options, IReadOnlyDictionary<string, FunctionRecord> functions, AccountState roles)
    {
        var ns = XNamespace.Get(CloudFrontSimulation.Namespace);
        var behaviours = config.Elements(ns + "DefaultCacheBehavior")
            .Concat(config.Elements(ns + "CacheBehaviors").Elements(ns + "Items").Elements(ns + "CacheBehavior"));
        foreach (var behaviour in behaviours)
        {
            var associations = behaviour.Elements(ns + "LambdaFunctionAssociations").Elements(ns + "Items").Elements(ns + "LambdaFunctionAssociation").ToList();
            if (associations.Count > EventTypes.Length)
            {
                throw Invalid("TooManyLambdaFunctionAssociations", "Your request contains more Lambda@Edge function associations than are allowed per cache behavior.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var association in associations)
            {
                var arn = association.Element(ns + "LambdaFunctionARN")?.Value ?? "";
                var eventType = association.Element(ns + "EventType")?.Value ?? "";
                if (!EventTypes.Contains(eventType))
                {
                    throw Invalid("InvalidArgument", $"The event type '{eventType}' is not valid; use one of {string.Join(", ", EventTypes)}.");
                }

                if (!seen.Add(eventType))
                {
                    throw Invalid("InvalidLambdaFunctionAssociation", $"More than one function is associated with the event type {eventType}. ARN: {arn}");
                }

                CheckFunction(arn, eventType, options, functions, roles);
            }
        }
    }

    private static void CheckFunction(string arn, string eventType, SimulationOptions options, IReadOnlyDictionary<string, FunctionRecord> functions, AccountState roles)
    {
        var parts = arn.Split(':');
        if (parts is not ["arn", "aws", "lambda", var region, var account, "function", var name, var version])
        {
            throw Invalid("InvalidLambdaFunctionAssociation",
                $"The function ARN must reference a specific function version. (The ARN must end with the version number.) ARN: {arn}");
        }

        if (region != "us-east-1")
        {
            throw Invalid("InvalidLambdaFunctionAssociation", $"The function must be in region 'us-east-1'. ARN: {arn}");
        }

        if (version.Length == 0 || !version.All(char.IsAsciiDigit))
        {
            throw Invalid("InvalidLambdaFunctionAssociation",
                $"The function ARN must reference a specific function version. (The ARN must end with the version number.) ARN: {arn}");
        }

        var found = account == options.AccountId && region == options.Region ? LambdaSimulation.FindVersion(functions, name, version) : null;
        if (found is null)
        {
            throw Invalid("InvalidLambdaFunctionAssociation", $"The function does not exist or the caller does not have permission to access it. ARN: {arn}");
        }

        var limit = eventType.StartsWith("viewer-", StringComparison.Ordinal) ? ViewerEventMaxBytes : LambdaSimulation.MaxZipBytes;
        if (found.Code.CodeSize > limit)
        {
            throw Invalid("InvalidLambdaFunctionAssociation",
                $"The function code size is larger than the maximum allowed size for functions that are triggered by a CloudFront event: {found.Code.CodeSize} Max allowed: {limit} Function: {arn}");
        }

        if (Misfit(functions[name], eventType, options, roles) is { } problem)
        {
            throw Invalid("InvalidLambdaFunctionAssociation", $"{problem} Function: {arn}");
        }
    }

    /// <summary>The first Lambda@Edge rule the function's configuration breaks, in CloudFront's words; null when it fits.</summary>
    private static string? Misfit(FunctionRecord function, string eventType, SimulationOptions options, AccountState account)
    {
        var viewer = EdgeFunctionLimits.IsViewerEvent(eventType);
        var role = IamSimulation.FindByArn(account, options, function.Role);
        return function switch
        {
            { PackageType: not "Zip" } => "The function cannot be a container image.",
            _ when !EdgeFunctionLimits.EdgeRuntimes.Contains(function.Runtime) => $"The function has an invalid runtime for Lambda@Edge: {function.Runtime}.",
            { Environment.Count: > 0 } => "The function cannot have environment variables.",
            { Layers.Count: > 0 } => "The function cannot have layers.",
            { VpcSubnetIds.Count: > 0 } => "The function cannot be configured for VPC access.",
            _ when function.Architectures is not [EdgeFunctionLimits.Architecture] => $"The function must use the {EdgeFunctionLimits.Architecture} architecture.",
            { EphemeralStorageSize: > EdgeFunctionLimits.MaxEphemeralStorageMb } => $"The function's ephemeral storage cannot exceed {EdgeFunctionLimits.MaxEphemeralStorageMb} MB.",
            _ when function.Timeout > EdgeFunctionLimits.MaxTimeoutSeconds(viewer) =>
                $"The function execution time must be between 1 and {EdgeFunctionLimits.MaxTimeoutSeconds(viewer)} seconds for {eventType} events.",
            _ when function.MemorySize > EdgeFunctionLimits.MaxMemoryMb(viewer) =>
                $"The function memory must be at most {EdgeFunctionLimits.MaxMemoryMb(viewer)} MB for {eventType} events.",
            _ when role is not null && !(TrustPolicy.Allows(role.AssumeRolePolicyDocument, TrustPolicy.Lambda) && TrustPolicy.Allows(role.AssumeRolePolicyDocument, TrustPolicy.EdgeLambda)) =>
                "The function execution role must be assumable with edgelambda.amazonaws.com as well as lambda.amazonaws.com principals.",
            _ => null,
        };
    }

    private static SimulationException Invalid(string code, string message) => SimulationException.CloudFront(code, message, 400);
}
