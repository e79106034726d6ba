using System.Text.Json;
using System.Text.Json.Nodes;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Fills <see cref="AuditEventRule"/> from the details of events just sealed. The rows are read from the
/// sealed, bounded <see cref="AuditEvent.DetailsJson"/> and never written any other way, so they are an index
/// the seal already covers: anything they say can be checked against a sealed event.
/// </summary>
public static class AuditRuleIndex
{
    public static void Add(PortalDbContext db, IEnumerable<AuditEvent> sealedEvents)
    {
        foreach (var auditEvent in sealedEvents)
        {
            foreach (var (section, ruleId) in Named(auditEvent.DetailsJson).Distinct())
            {
                db.AuditEventRules.Add(new AuditEventRule { EventId = auditEvent.Id, Section = section, RuleId = ruleId });
            }
        }
    }

    private static IEnumerable<(string, string)> Named(string detailsJson)
    {
        if (!detailsJson.Contains("\"changes\"", StringComparison.Ordinal))
        {
            return [];
        }
        try
        {
            return AuditRuleChanges.Named(JsonNode.Parse(detailsJson)).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
