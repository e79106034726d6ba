using System.CommandLine;
using EdgePortal.Portal.Cli.Users;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Targets;

namespace EdgePortal.Portal.Cli.Targets;

/// <summary><c>targets show TARGET</c>: every setting of one target, one per line; exit 2 naming an unknown one.</summary>
public static class ShowTargetCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("TARGET") { Description = "The target's id, e.g. local." };
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("show", "Show a target's settings and what is live on it.") { target, dataDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await PortalCliHost.StartAsync(parse.GetValue(dataDirectory), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var id = parse.GetValue(target)!;
            var input = await scope.ServiceProvider.GetRequiredService<TargetAdminService>().GetInputAsync(id, cancellationToken);
            var view = await scope.ServiceProvider.GetRequiredService<ITargetService>().GetAsync(id, cancellationToken);
            if (input is null || view is null)
            {
                console.Error.WriteLine($"There is no target '{id}'.");
                return ExitCodes.BadInput;
            }
            string[] lines =
            [
                $"id:                  {input.Id}{(view.IsRetired ? $" (retired {view.RetiredAt:yyyy-MM-dd HH:mm} UTC)" : "")}",
                $"name:                {input.DisplayName}",
                $"kind:                {input.Kind}",
                $"function:            {input.FunctionName ?? "simulated"}",
                $"distribution:        {input.DistributionId ?? "simulated"}",
                $"cache behaviours:    {(input.CacheBehaviors.Count == 0 ? "default (*)" : string.Join(", ", input.CacheBehaviors))}",
                $"event types:         {string.Join(", ", input.EventTypes)}",
                $"credentials:         {(input.RoleArn is null ? "default chain" : $"assume {input.RoleArn}{(input.ExternalId is null ? "" : $" with external id {input.ExternalId}")}")}",
                $"invalidation limits: {input.MaxInvalidationPaths?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "3000"} paths, {input.MaxWildcardPaths?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "15"} wildcards",
                $"approvals required:  {input.ApprovalsRequired}",
                $"live first on:       {input.RequiredTargetId ?? "-"}",
                $"live revision:       {(view.LiveRevision is { } live ? $"#{live.Number} ({live.Sha256[..12]})" : "none")}",
            ];
            foreach (var line in lines)
            {
                console.Out.WriteLine(line);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
