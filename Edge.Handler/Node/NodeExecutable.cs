namespace EdgePortal.Edge.Node;

/// <summary>Finds the <c>node</c> executable on PATH.</summary>
public static class NodeExecutable
{
    /// <summary>The full path of node; throws <see cref="NodeNotFoundException"/> when it is not on PATH.</summary>
    public static string Find()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"];
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in directories)
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new NodeNotFoundException();
    }
}

/// <summary>Node.js is needed to run the handler and is not installed (or not on PATH).</summary>
public sealed class NodeNotFoundException() : Exception(
    "Node.js was not found on PATH: the handler runs on Node.js (20 or later). Install it (for example `apt-get install nodejs`) and make sure `node` is on PATH.");
