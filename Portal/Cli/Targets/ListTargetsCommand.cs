using System.CommandLine;
using EdgePortal.Portal.Cli.Users;
using EdgePortal.Portal.Services;

namespace EdgePortal.Portal.Cli.Targets;

/// <summary><c>targets list</c>: one line per target, retired ones marked, with what is live on each.</summary>
public static class ListTargetsCommand
{
    public static Command Create(CliConsole console)
    {
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("list", "List the targets and the revision live on each.") { dataDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await PortalCliHost.StartAsync(parse.GetValue(dataDirectory), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var targets = await scope.ServiceProvider.GetRequiredService<ITargetService>().ListAsync(cancellationToken, includeRetired: true);
            var width = Math.Max("ID".Length, targets.Max(t => t.Id.Length));
            console.Out.WriteLine($"{"ID".PadRight(width)}  {"KIND",-5}  {"DISTRIBUTION",-16}  {"LIVE",-5}  NAME");
            foreach (var target in targets)
            {
                var live = target.LiveRevision is { } revision ? $"#{revision.Number}" : "none";
                var retired = target.IsRetired ? " (retired)" : "";
                console.Out.WriteLine($"{target.Id.PadRight(width)}  {target.Kind,-5}  {target.DistributionId ?? "simulated",-16}  {live,-5}  {target.DisplayName}{retired}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
