using System.Globalization;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Preflight;

/// <summary>The function's configuration against what Lambda@Edge allows (docs/aws-setup.md lists each rule and its source).</summary>
internal static class FunctionChecks
{
    public static IEnumerable<CheckResult> Check(FunctionConfiguration function, bool viewerEvents)
    {
        var name = $"Lambda function {function.FunctionName}";
        var region = function.FunctionArn.Split(':') is [_, _, _, var r, ..] ? r : "";
        yield return region == "us-east-1"
            ? CheckResult.Pass("Region", $"{name} is in us-east-1.")
            : CheckResult.Fail("Region", $"{name} is in {region}; Lambda@Edge only replicates functions from us-east-1: create the function there.");

        var runtimes = string.Join(" or ", EdgeFunctionLimits.HandlerRuntimes);
        yield return function.Runtime is { } runtime && EdgeFunctionLimits.HandlerRuntimes.Contains(runtime)
            ? CheckResult.Pass("Runtime", $"{name} runs {runtime}.")
            : CheckResult.Fail("Runtime", $"{name} runs {function.Runtime ?? "no managed runtime"}; the handler needs {runtimes}: change the function's runtime.");

        yield return function.Handler == EdgeFunctionLimits.HandlerEntryPoint
            ? CheckResult.Pass("Handler", $"{name} calls {EdgeFunctionLimits.HandlerEntryPoint}.")
            : CheckResult.Fail("Handler", $"{name} calls {function.Handler}, but the package exports {EdgeFunctionLimits.HandlerEntryPoint}: set the function's handler to {EdgeFunctionLimits.HandlerEntryPoint}.");

        yield return function.PackageType == "Zip"
            ? CheckResult.Pass("Package type", $"{name} is a .zip package.")
            : CheckResult.Fail("Package type", $"{name} is a container image; Lambda@Edge does not run images: create it as a .zip function.");

        yield return function.Architectures is [EdgeFunctionLimits.Architecture]
            ? CheckResult.Pass("Architecture", $"{name} runs on {EdgeFunctionLimits.Architecture}.")
            : CheckResult.Fail("Architecture", $"{name} runs on {string.Join(", ", function.Architectures)}; Lambda@Edge needs {EdgeFunctionLimits.Architecture}: change the function's architecture.");

        yield return function.EnvironmentVariables.IsEmpty
            ? CheckResult.Pass("Environment variables", $"{name} has no environment variables.")
            : CheckResult.Fail("Environment variables", $"{name} has environment variables ({string.Join(", ", function.EnvironmentVariables)}); Lambda@Edge refuses them: remove them (the rules are baked into the package).");

        yield return function.Layers.IsEmpty
            ? CheckResult.Pass("Layers", $"{name} uses no layers.")
            : CheckResult.Fail("Layers", $"{name} uses layers ({string.Join(", ", function.Layers)}); Lambda@Edge refuses them: remove them.");

        yield return function.VpcSubnetIds.IsEmpty
            ? CheckResult.Pass("VPC", $"{name} is not attached to a VPC.")
            : CheckResult.Fail("VPC", $"{name} is attached to a VPC (subnets {string.Join(", ", function.VpcSubnetIds)}); Lambda@Edge refuses that: remove the VPC configuration.");

        yield return function.EphemeralStorageSize <= EdgeFunctionLimits.MaxEphemeralStorageMb
            ? CheckResult.Pass("Ephemeral storage", $"{name} has {function.EphemeralStorageSize} MB of /tmp.")
            : CheckResult.Fail("Ephemeral storage", $"{name} has {function.EphemeralStorageSize} MB of /tmp; Lambda@Edge allows at most {EdgeFunctionLimits.MaxEphemeralStorageMb} MB: lower it.");

        var events = viewerEvents ? "viewer triggers" : "origin triggers";
        var maxTimeout = EdgeFunctionLimits.MaxTimeoutSeconds(viewerEvents);
        yield return function.Timeout <= maxTimeout
            ? CheckResult.Pass("Timeout", $"{name} times out after {function.Timeout} s (at most {maxTimeout} s for {events}).")
            : CheckResult.Fail("Timeout", $"{name} times out after {function.Timeout} s; Lambda@Edge allows at most {maxTimeout} s for {events}: lower the timeout.");

        var maxMemory = EdgeFunctionLimits.MaxMemoryMb(viewerEvents);
        yield return function.MemorySize <= maxMemory
            ? CheckResult.Pass("Memory", string.Create(CultureInfo.InvariantCulture, $"{name} has {function.MemorySize} MB of memory (at most {maxMemory:N0} MB for {events})."))
            : CheckResult.Fail("Memory", string.Create(CultureInfo.InvariantCulture, $"{name} has {function.MemorySize} MB of memory; Lambda@Edge allows at most {maxMemory:N0} MB for {events}: lower it."));
    }

    /// <summary>The package against the compressed limit of the triggers used and Lambda's 250 MB unzipped.</summary>
    public static CheckResult Package(PackageSize size, bool viewerEvents)
    {
        var limit = viewerEvents ? HandlerSizeLimit.ViewerTriggers : HandlerSizeLimit.OriginTriggers;
        var unzipped = HandlerSizeLimit.Megabytes(EdgeFunctionLimits.MaxUnzippedBytes);
        if (!limit.Fits(size.ZippedBytes))
        {
            return CheckResult.Fail("Package size",
                $"The handler package is {HandlerSizeLimit.Megabytes(size.ZippedBytes)} zipped, over the Lambda@Edge limit of {limit}: remove rules or split the document.");
        }
        return size.UnzippedBytes <= EdgeFunctionLimits.MaxUnzippedBytes
            ? CheckResult.Pass("Package size",
                $"The handler package is {HandlerSizeLimit.Megabytes(size.ZippedBytes)} zipped and {HandlerSizeLimit.Megabytes(size.UnzippedBytes)} unzipped (limits {HandlerSizeLimit.Megabytes(limit.MaxCompressedBytes)} and {unzipped}).")
            : CheckResult.Fail("Package size",
                $"The handler package is {HandlerSizeLimit.Megabytes(size.UnzippedBytes)} unzipped, over Lambda's limit of {unzipped}: remove rules or split the document.");
    }
}
