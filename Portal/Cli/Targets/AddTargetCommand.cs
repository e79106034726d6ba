using System.CommandLine;
using EdgePortal.Portal.Cli.Users;
using EdgePortal.Portal.Services.Targets;

namespace EdgePortal.Portal.Cli.Targets;

/// <summary>
/// <c>targets add --id ID --name NAME --function F --distribution D [...]</c>: an AWS target, through the service the
/// Targets page uses. Exit 0 and one line; exit 2 and one sentence per bad option (on standard error), nothing stored.
/// </summary>
public static class AddTargetCommand
{
    /// <summary>The option each field of <see cref="TargetInput"/> is given with, for the error lines.</summary>
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        [nameof(TargetInput.Id)] = "--id",
        [nameof(TargetInput.DisplayName)] = "--name",
        [nameof(TargetInput.Kind)] = "--id",
        [nameof(TargetInput.FunctionName)] = "--function",
        [nameof(TargetInput.DistributionId)] = "--distribution",
        [nameof(TargetInput.CacheBehaviors)] = "--behaviour",
        [nameof(TargetInput.EventTypes)] = "--event-type",
        [nameof(TargetInput.RoleArn)] = "--role-arn",
        [nameof(TargetInput.ExternalId)] = "--external-id",
        [nameof(TargetInput.MaxInvalidationPaths)] = "--max-paths",
        [nameof(TargetInput.MaxWildcardPaths)] = "--max-wildcards",
        [nameof(TargetInput.ApprovalsRequired)] = "--approvals",
        [nameof(TargetInput.RequiredTargetId)] = "--requires",
    };

    public static Command Create(CliConsole console)
    {
        var id = new Option<string>("--id") { Description = "The target's id: lower-case letters, digits and hyphens (prod-eu).", Required = true };
        var name = new Option<string>("--name") { Description = "What people call it (Production (EU)).", Required = true };
        var function = new Option<string>("--function") { Description = "Lambda function name or unqualified ARN, in us-east-1.", Required = true };
        var distribution = new Option<string>("--distribution") { Description = "CloudFront distribution id.", Required = true };
        var behaviours = new Option<string[]>("--behaviour") { Description = "A cache behaviour's path pattern; repeat for more. None: the default behaviour.", AllowMultipleArgumentsPerToken = false };
        var eventTypes = new Option<string[]>("--event-type") { Description = $"Repeat for more; one of {string.Join(", ", TargetEventTypes.All)}. None: {string.Join(" and ", TargetEventTypes.Default)}." };
        var role = new Option<string?>("--role-arn") { Description = "A role to assume; none: the default credential chain." };
        var externalId = new Option<string?>("--external-id") { Description = "The external id the role's trust policy asks for." };
        var maxPaths = new Option<int?>("--max-paths") { Description = "Invalidation paths one publish may create (CloudFront's limit: 3,000)." };
        var maxWildcards = new Option<int?>("--max-wildcards") { Description = "Wildcard invalidation paths one publish may create (CloudFront's limit: 15)." };
        var approvals = new Option<int>("--approvals") { Description = "Approvals a change set needs (1 to 5).", DefaultValueFactory = _ => 1 };
        var requires = new Option<string?>("--requires") { Description = "A target a document must have been live on first (staging)." };
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("add", "Add an AWS target: a Lambda function in us-east-1 and a CloudFront distribution.")
        {
            id, name, function, distribution, behaviours, eventTypes, role, externalId, maxPaths, maxWildcards, approvals, requires, dataDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = new TargetInput
            {
                Id = parse.GetValue(id)!,
                DisplayName = parse.GetValue(name)!,
                FunctionName = parse.GetValue(function),
                DistributionId = parse.GetValue(distribution),
                CacheBehaviors = [.. parse.GetValue(behaviours) ?? []],
                EventTypes = parse.GetValue(eventTypes) is { Length: > 0 } types ? [.. types] : [.. TargetEventTypes.Default],
                RoleArn = parse.GetValue(role),
                ExternalId = parse.GetValue(externalId),
                MaxInvalidationPaths = parse.GetValue(maxPaths),
                MaxWildcardPaths = parse.GetValue(maxWildcards),
                ApprovalsRequired = parse.GetValue(approvals),
                RequiredTargetId = parse.GetValue(requires),
            };
            using var host = await PortalCliHost.StartAsync(parse.GetValue(dataDirectory), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<TargetAdminService>().AddAsync(input, actor: "cli", cancellationToken);
            if (!result.IsSaved)
            {
                foreach (var (field, sentence) in result.Problems)
                {
                    console.Error.WriteLine($"targets add: {OptionOf.GetValueOrDefault(field, field)}: {sentence}");
                }
                if (result.Refusal is { } refusal)
                {
                    console.Error.WriteLine($"targets add: {refusal}");
                }
                return ExitCodes.BadInput;
            }
            console.Out.WriteLine($"Added target {result.TargetId} with an empty revision #1; check it with: targets check {result.TargetId}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
