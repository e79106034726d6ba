using System.CommandLine;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary>
/// <c>rules plan-invalidation OLD NEW [--json]</c>: the CloudFront invalidation paths to send after publishing
/// NEW over OLD, each with the rules that make it necessary.
/// </summary>
public static class PlanInvalidationCommand
{
    public static Command Create(CliConsole console)
    {
        var old = new Argument<string>("OLD") { Description = "The document live at the edge (JSON)." };
        var @new = new Argument<string>("NEW") { Description = "The document about to be published (JSON)." };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON." };
        var maxWildcards = new Option<int?>("--max-wildcard-paths") { Description = "Most wildcard paths in one invalidation (default 15)." };
        var maxPaths = new Option<int?>("--max-paths") { Description = "Most paths in one invalidation (default 3000)." };
        var queryStrings = new Option<bool>("--query-strings-in-cache-key") { Description = "The cache key holds query strings: exact paths get a trailing * so every copy goes." };
        var command = new Command("plan-invalidation", "Plan the CloudFront invalidation that follows publishing NEW over OLD.")
        {
            old, @new, json, maxWildcards, maxPaths, queryStrings,
        };
        command.SetAction(parse =>
        {
            var limits = Limits(parse.GetValue(maxWildcards), parse.GetValue(maxPaths), parse.GetValue(queryStrings), console);
            if (limits is null)
            {
                return ExitCodes.BadInput;
            }
            // Both files are read first so that problems in either are reported together.
            var oldLoaded = DocumentFile.TryLoad(parse.GetValue(old)!, console, out var before);
            var newLoaded = DocumentFile.TryLoad(parse.GetValue(@new)!, console, out var after);
            if (!oldLoaded || !newLoaded || before is null || after is null)
            {
                return ExitCodes.BadInput;
            }
            var plan = InvalidationPlanner.Plan(before, after, limits);
            console.Out.Write(parse.GetValue(json) ? PlanOutput.Json(plan) : PlanOutput.Text(plan));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static InvalidationLimits? Limits(int? maxWildcards, int? maxPaths, bool queryStrings, CliConsole console)
    {
        var ok = true;
        if (maxWildcards is < 1)
        {
            console.Error.WriteLine($"rules plan-invalidation: --max-wildcard-paths: {maxWildcards} must be at least 1.");
            ok = false;
        }
        if (maxPaths is < 1)
        {
            console.Error.WriteLine($"rules plan-invalidation: --max-paths: {maxPaths} must be at least 1.");
            ok = false;
        }
        var defaults = InvalidationLimits.Default;
        return ok ? new InvalidationLimits(maxWildcards ?? defaults.MaxWildcardPaths, maxPaths ?? defaults.MaxPaths, queryStrings) : null;
    }
}
