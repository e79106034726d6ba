using System.Text;
using System.Text.RegularExpressions;

namespace EdgePortal.Edge.Build;

/// <summary>
/// Joins the runtime modules (Edge.Handler/Runtime/*.mjs) into the package's one <c>index.mjs</c>. At a
/// cold start Node loads each module file on its own (resolve, read, compile, link): nine of them cost
/// about as much as building a 10,000-rule index. In the bundle each module body runs in its own function
/// scope (<c>lookupModule</c> for lookup.mjs), in dependency order, and hands on what it exports; a
/// relative import becomes a read of those exports. index.mjs's own code comes last and keeps its <c>handler</c> export; every module's exports
/// are also exported under the module's name (<c>lookup.PathIndex</c>, ...) for tests and the benchmark.
/// Only the forms the runtime uses are understood; anything else stops the build with the line at fault.
/// </summary>
public static partial class RuntimeBundle
{
    public static byte[] Build(IReadOnlyList<(string Name, byte[] Content)> modules)
    {
        var sources = modules.ToDictionary(m => Stem(m.Name), m => Encoding.UTF8.GetString(m.Content));
        var order = new List<string>();
        Visit("index", sources, order, []);
        var platformImports = new SortedSet<string>(StringComparer.Ordinal);
        var bundle = new StringBuilder();
        foreach (var name in order)
        {
            var (body, exports) = Transform(name, sources[name], platformImports);
            if (name == "index")
            {
                bundle.Append(body);
                continue;
            }
            bundle.Append("const ").Append(name).Append("Module = (() => {\n").Append(body)
                .Append("return { ").Append(string.Join(", ", exports)).Append(" };\n})();\n\n");
        }
        bundle.Append("\nexport { ").Append(string.Join(", ", order.Where(n => n != "index").Select(n => $"{n}Module as {n}"))).Append(" };\n");
        var header = "// EdgePortal handler: Edge.Handler/Runtime/*.mjs joined into one module (see RuntimeBundle.cs).\n"
            + string.Concat(platformImports.Select(line => line + "\n")) + "\n";
        return Encoding.UTF8.GetBytes(header + bundle);
    }

    private static void Visit(string name, Dictionary<string, string> sources, List<string> order, HashSet<string> visiting)
    {
        if (order.Contains(name))
        {
            return;
        }
        if (!sources.TryGetValue(name, out var source))
        {
            throw new InvalidOperationException($"The runtime imports ./{name}.mjs, which is not one of its modules.");
        }
        if (!visiting.Add(name))
        {
            throw new InvalidOperationException($"The runtime's modules import each other in a circle through {name}.mjs.");
        }
        foreach (Match import in RelativeImport().Matches(source))
        {
            Visit(import.Groups["module"].Value, sources, order, visiting);
        }
        order.Add(name);
    }

    private static (string Body, List<string> Exports) Transform(string name, string source, SortedSet<string> platformImports)
    {
        var body = new StringBuilder();
        var exports = new List<string>();
        foreach (var line in source.Split('\n'))
        {
            if (RelativeImport().Match(line) is { Success: true } relative)
            {
                var names = relative.Groups["names"].Value.Replace(" as ", ": ", StringComparison.Ordinal);
                body.Append("const {").Append(names).Append("} = ").Append(relative.Groups["module"].Value).Append("Module;\n");
            }
            else if (line.StartsWith("import ", StringComparison.Ordinal))
            {
                platformImports.Add(PlatformImport().IsMatch(line)
                    ? line
                    : throw new InvalidOperationException($"{name}.mjs: the bundle cannot join this import: {line}"));
            }
            else if (name != "index" && Export().Match(line) is { Success: true } export)
            {
                exports.Add(export.Groups["name"].Value);
                body.Append(line["export ".Length..]).Append('\n');
            }
            else if (name != "index" && line.StartsWith("export ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{name}.mjs: the bundle cannot join this export: {line}");
            }
            else
            {
                body.Append(line).Append('\n');
            }
        }
        return (body.ToString(), exports);
    }

    private static string Stem(string fileName) => fileName.EndsWith(".mjs", StringComparison.Ordinal)
        ? fileName[..^4]
        : throw new InvalidOperationException($"{fileName} is not a runtime module (.mjs).");

    [GeneratedRegex(@"^import \{(?<names>[^}]*)\} from '\./(?<module>[a-z]+)\.mjs';$", RegexOptions.Multiline)]
    private static partial Regex RelativeImport();

    [GeneratedRegex(@"^import \{[^}]*\} from 'node:[a-z]+';$")]
    private static partial Regex PlatformImport();

    [GeneratedRegex(@"^export (?:const|let|class|function|async function) (?<name>[A-Za-z_$][A-Za-z0-9_$]*)")]
    private static partial Regex Export();
}
