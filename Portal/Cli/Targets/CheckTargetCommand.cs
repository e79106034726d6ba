using System.CommandLine;
using EdgePortal.Edge.Preflight;
using EdgePortal.Portal.Cli.Users;
using EdgePortal.Portal.Services.Publishing;

namespace EdgePortal.Portal.Cli.Targets;

/// <summary>
/// <c>targets check TARGET</c>: the preflight every publish starts with. Exit 0 and one line per check when none
/// fails; exit 2 and one sentence per failing check (on standard error) otherwise, as a publish would be refused.
/// </summary>
public static class CheckTargetCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("TARGET") { Description = "The target's id, e.g. local." };
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("check", "Check that a target's function and distribution can take a publish, without changing anything.") { target, dataDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await PortalCliHost.StartAsync(parse.GetValue(dataDirectory), cancellationToken, publishing: true);
            await using var scope = host.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<TargetCheckService>().CheckAsync(parse.GetValue(target)!, cancellationToken);
            if (report.Result is not { } result)
            {
                console.Error.WriteLine(report.Refusal);
                return ExitCodes.BadInput;
            }
            if (!result.Passed)
            {
                foreach (var failure in result.Failures)
                {
                    console.Error.WriteLine(failure.Sentence);
                }
                return ExitCodes.BadInput;
            }
            foreach (var check in result.Checks)
            {
                console.Out.WriteLine($"{(check.Outcome == CheckOutcome.Passed ? "ok" : "not checked"),-11}  {check.Sentence}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
