namespace EdgePortal.Portal.Tests.Cli;

/// <summary>A temporary folder with a rules document in it, for the <c>handler …</c> verb tests.</summary>
internal sealed class HandlerCliFiles : IDisposable
{
    public const string Document = """
        {
          "schema": "edgeportal.rules/v1",
          "geo": { "mode": "allow", "countries": ["US", "CA", "GB", "DE"] },
          "redirects": [
            { "id": "ca", "path": "/*", "countries": ["CA"], "location": "https://ca.example.com/", "status": 301 }
          ],
          "cache": [ { "id": "video", "path": "/video/*", "maxAge": 86400 } ]
        }
        """;

    public HandlerCliFiles()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(DocumentPath, Document);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "edgeportal-cli-handler-" + Guid.NewGuid().ToString("N"));

    public string DocumentPath => Path.Combine(Folder, "rules.json");

    public string ZipPath => Path.Combine(Folder, "handler.zip");

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs the verb and hides the temporary folder's name, so outputs read the same everywhere.</summary>
    public async Task<string> RunAsync(params string[] args) =>
        (await ValidateCommandGoldenTests.RunAsync(args)).Replace(Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
