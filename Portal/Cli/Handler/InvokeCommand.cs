using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Node;

namespace EdgePortal.Portal.Cli.Handler;

/// <summary>
/// <c>handler invoke ZIP --event EVENT.json</c>: runs the package's handler under Node.js on one CloudFront
/// event and prints what it returns (JSON on standard output, anything it logged on standard error).
/// </summary>
public static class InvokeCommand
{
    private static readonly JsonSerializerOptions _print = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var zip = new Argument<string>("zip") { Description = "A handler zip built by `handler build`." };
        var eventFile = new Option<string>("--event") { Description = "A CloudFront event as JSON (Records[0].cf...).", Required = true };
        var command = new Command("invoke", "Run a handler package under Node.js on one CloudFront event and print what it returns.") { zip, eventFile };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(zip) ?? "", parse.GetValue(eventFile) ?? "", console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, string eventPath, CliConsole console, CancellationToken cancellationToken)
    {
        if (PackageFile.TryRead("invoke", path, console) is not { } bytes || ReadEvent(eventPath, console) is not { } cloudFrontEvent)
        {
            return ExitCodes.BadInput;
        }
        try
        {
            HandlerPackage.Read(bytes);
        }
        catch (InvalidDataException error)
        {
            console.Error.WriteLine($"handler invoke: {path}: {error.Message}");
            return ExitCodes.BadInput;
        }
        try
        {
            await using var host = await NodeHandlerHost.StartFromZipAsync(bytes, cancellationToken);
            var invocation = await host.InvokeAsync(cloudFrontEvent, cancellationToken);
            foreach (var line in invocation.Logs)
            {
                console.Error.WriteLine(line);
            }
            if (invocation.Error is not null)
            {
                console.Error.WriteLine($"handler invoke: the handler threw: {invocation.Error}");
                return ExitCodes.Failed;
            }
            console.Out.WriteLine(invocation.Result?.ToJsonString(_print) ?? "null");
            return ExitCodes.Ok;
        }
        catch (Exception error) when (error is NodeNotFoundException or InvalidOperationException)
        {
            console.Error.WriteLine($"handler invoke: {error.Message}");
            return ExitCodes.Failed;
        }
    }

    private static string? ReadEvent(string path, CliConsole console)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"handler invoke: cannot read the event {path}: {(error is FileNotFoundException or DirectoryNotFoundException ? "no such file" : error.Message)}");
            return null;
        }
        try
        {
            JsonNode.Parse(text);
            return text;
        }
        catch (JsonException error)
        {
            console.Error.WriteLine($"handler invoke: the event {path} is not JSON: {error.Message}");
            return null;
        }
    }
}
