using System.Text;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary>What <c>rules plan-invalidation</c> prints.</summary>
internal static class PlanOutput
{
    public static string Text(InvalidationPlan plan)
    {
        var text = new StringBuilder();
        if (plan.IsEmpty)
        {
            text.Append("Nothing to invalidate: no answer changes.\n");
        }
        else
        {
            text.Append($"{Count(plan.Paths.Count, "path")} ({plan.WildcardCount} wildcard, {Count(plan.FileCount, "file")}); {plan.BilledPaths} billed.\n");
            var width = plan.Paths.Max(p => p.Path.Length);
            foreach (var path in plan.Paths)
            {
                text.Append(path.Path.PadRight(width)).Append("  ").Append(string.Join(", ", path.Reasons)).Append('\n');
            }
        }
        foreach (var note in plan.Notes)
        {
            text.Append("Note: ").Append(note).Append('\n');
        }
        return text.ToString();
    }

    public static string Json(InvalidationPlan plan) => CommandJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("paths");
        foreach (var path in plan.Paths)
        {
            w.WriteStartObject();
            w.WriteString("path", path.Path);
            w.WriteStartArray("reasons");
            foreach (var reason in path.Reasons)
            {
                w.WriteStringValue(reason);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("wildcardCount", plan.WildcardCount);
        w.WriteNumber("fileCount", plan.FileCount);
        w.WriteNumber("billedPaths", plan.BilledPaths);
        w.WriteBoolean("coarsened", plan.Coarsened);
        w.WriteStartArray("notes");
        foreach (var note in plan.Notes)
        {
            w.WriteStringValue(note);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
