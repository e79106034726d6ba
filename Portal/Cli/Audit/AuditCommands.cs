using System.CommandLine;
using EdgePortal.Portal.Cli.Users;
using EdgePortal.Portal.Services.Audit;

namespace EdgePortal.Portal.Cli.Audit;

/// <summary><c>audit …</c>: check the audit history and rotate its seal key, without starting the web server.</summary>
public static class AuditCommands
{
    public static Command Create(CliConsole console) => new("audit", "Verify the audit history; rotate its seal key.")
    {
        Verify(console),
        RotateKey(console),
    };

    /// <summary><c>audit verify</c>: the same check as the page's Verify button; exits 1 when the history was changed.</summary>
    private static Command Verify(CliConsole console)
    {
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("verify", "Walk the sealed audit chain and hold it against the newest checkpoint.") { dataDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await PortalCliHost.StartAsync(parse.GetValue(dataDirectory), cancellationToken);
            var result = await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync("cli", cancellationToken);
            (result.Intact ? console.Out : console.Error).WriteLine(result.Message);
            if (result.BrokenEventId is { } id)
            {
                console.Error.WriteLine($"First event that differs: #{id} ({result.BrokenAction ?? "deleted"})");
            }
            foreach (var note in result.Notes)
            {
                console.Out.WriteLine(note);
            }
            return result.Intact ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary><c>audit rotate-key</c>: a new seal key in the key file; the next event records the rotation.</summary>
    private static Command RotateKey(CliConsole console)
    {
        var dataDirectory = UsersCommands.DataDirectoryOption();
        var command = new Command("rotate-key", "Add a new audit seal key to the key file; older keys are kept to verify what they sealed.") { dataDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await PortalCliHost.StartAsync(parse.GetValue(dataDirectory), cancellationToken);
            var keys = host.Services.GetRequiredService<AuditKeys>();
            if (keys.Seal.IsConfigured)
            {
                console.Error.WriteLine("audit rotate-key: Audit:SealKey is set in configuration: rotate by setting a new key there and moving the old one to Audit:RetiredSealKeys.");
                return ExitCodes.BadInput;
            }
            var id = keys.Seal.Rotate();
            console.Out.WriteLine($"New seal key {id}; the next audit event (audit.key-rotated) is the first sealed with it.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
