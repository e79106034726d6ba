using System.CommandLine;
using EdgePortal.Portal.Cli.Audit;
using EdgePortal.Portal.Cli.Handler;
using EdgePortal.Portal.Cli.Rules;
using EdgePortal.Portal.Cli.Targets;
using EdgePortal.Portal.Cli.Tokens;
using EdgePortal.Portal.Cli.Users;

namespace EdgePortal.Portal.Cli;

/// <summary>
/// The command line: when the first argument is one of these verbs the portal runs it and exits
/// without starting the web server.
/// </summary>
public static class CliApp
{
    private static readonly string[] _verbs = ["rules", "handler", "users", "tokens", "targets", "audit"];

    public static bool IsVerb(string[] args) => args.Length > 0 && _verbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, CliConsole? console = null, CancellationToken cancellationToken = default)
    {
        console ??= CliConsole.Standard;
        var root = new RootCommand("EdgePortal: geo rules, redirects, origin routing and cache directives for CloudFront.")
        {
            RulesCommands.Create(console),
            HandlerCommands.Create(console),
            UsersCommands.Create(console),
            TokensCommands.Create(console),
            TargetsCommands.Create(console),
            AuditCommands.Create(console),
        };
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        var code = await parse.InvokeAsync(invocation, cancellationToken);
        // System.CommandLine answers argument errors with 1; this command line promises 2 for bad input.
        return parse.Errors.Count > 0 ? ExitCodes.BadInput : code;
    }
}
