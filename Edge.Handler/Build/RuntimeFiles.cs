using System.Reflection;
using System.Text;

namespace EdgePortal.Edge.Build;

/// <summary>The handler's JavaScript (Edge.Handler/Runtime/*.mjs), embedded in this assembly as it is.</summary>
public static class RuntimeFiles
{
    private const string Prefix = "EdgePortal.Edge.Runtime.";

    /// <summary>The entry point Lambda loads: <c>index.handler</c>.</summary>
    public const string EntryPoint = "index.mjs";

    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Content)>> _files = new(Load);

    /// <summary>File name and content of every runtime module, ordered by name.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> All => _files.Value;

    private static IReadOnlyList<(string Name, byte[] Content)> Load()
    {
        var assembly = typeof(RuntimeFiles).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (name[Prefix.Length..], ReadNormalized(assembly, name)))];
    }

    // A checkout with CRLF line ends must not change the package's bytes.
    private static byte[] ReadNormalized(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Encoding.UTF8.GetBytes(reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
