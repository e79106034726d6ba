using System.Text.Json.Nodes;
using EdgePortal.Portal.Services.Audit;

namespace EdgePortal.Portal.Components.Audit;

/// <summary>A link from an event to what it is about, and the rules it names.</summary>
public sealed record AuditLink(string Text, string Href, string Role);

public static class AuditEventLinks
{
    public static IReadOnlyList<AuditLink> Of(AuditEntry entry)
    {
        var links = new List<AuditLink>();
        var subject = entry.Subject ?? "";
        if (subject.StartsWith("changeset/", StringComparison.Ordinal) && long.TryParse(subject["changeset/".Length..], out var changeSetId))
        {
            links.Add(new($"Change set {changeSetId}", $"/change-sets/{changeSetId}", "changeset"));
        }
        if (subject.StartsWith("deployment/", StringComparison.Ordinal) && entry.TargetId is { } deploymentTarget)
        {
            links.Add(new($"Deployments of {deploymentTarget}", $"/targets/{Uri.EscapeDataString(deploymentTarget)}", "deployment"));
        }
        if (entry.TargetId is { } target)
        {
            links.Add(new($"Rules of {target}", $"/rules/{Uri.EscapeDataString(target)}", "target"));
        }
        return links;
    }

    /// <summary>Each rule the event changed, linked to its own history.</summary>
    public static IReadOnlyList<(string Section, string RuleId, string Href)> Rules(AuditEntry entry)
    {
        JsonNode? details;
        try
        {
            details = JsonNode.Parse(entry.DetailsJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
        return [.. AuditRuleChanges.Named(details).Select(r => (r.Section, r.RuleId, HistoryOf(r.RuleId, entry.TargetId)))];
    }

    /// <summary>The audit page filtered to one rule's history (used by the editor's History link too).</summary>
    public static string HistoryOf(string ruleId, string? targetId) =>
        $"/audit?rule={Uri.EscapeDataString(ruleId)}" + (targetId is null ? "" : $"&target={Uri.EscapeDataString(targetId)}");
}
