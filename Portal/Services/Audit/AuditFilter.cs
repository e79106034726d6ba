using System.Text.Json;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>The audit page's filters as one query, every one served by an index.</summary>
public static class AuditFilter
{
    private const string ChangeSetPrefix = "changeset/";
    private static readonly string[] _notAboutRules =
        [AuditActions.DraftCreated, AuditActions.DraftSaved, AuditActions.DraftImported, AuditActions.Exported];

    public static async Task<IQueryable<AuditEvent>> ApplyAsync(PortalDbContext db, AuditQuery query, CancellationToken cancellationToken)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (query.From is { } from)
        {
            events = events.Where(e => e.Time >= from);
        }
        if (query.To is { } to)
        {
            events = events.Where(e => e.Time <= to);
        }
        if (Given(query.Actor) is { } actor)
        {
            events = events.Where(e => e.Actor == actor);
        }
        if (Given(query.Action) is { } action)
        {
            // Action names have one dot; without one it is a category, the range of names that start with
            // "category.": "/" is the character after ".", and a range (unlike LIKE or an OR) uses the index.
            if (action.Contains('.', StringComparison.Ordinal))
            {
                events = events.Where(e => e.Action == action);
            }
            else
            {
                var first = action + ".";
                var after = action + "/";
                events = events.Where(e => string.Compare(e.Action, first) >= 0 && string.Compare(e.Action, after) < 0);
            }
        }
        var target = Given(query.TargetId);
        if (target is not null)
        {
            events = events.Where(e => e.TargetId == target);
        }
        if (Given(query.RuleId) is { } ruleId)
        {
            events = await ForRuleAsync(db, events, ruleId, target, cancellationToken);
        }
        if (Given(query.Text) is { } text)
        {
            events = AuditTextSearch.Apply(db, events, text);
        }
        return events;
    }

    /// <summary>
    /// The events naming the rule (saves and imports, through <see cref="AuditEventRule"/>), and the other events of
    /// the change sets they belong to (submitted, approved, rejected, …) and of the deployments of the revisions those
    /// change sets became: a rule's whole story, from the edit to the edge.
    /// </summary>
    private static async Task<IQueryable<AuditEvent>> ForRuleAsync(
        PortalDbContext db, IQueryable<AuditEvent> events, string ruleId, string? target, CancellationToken cancellationToken)
    {
        var naming = db.AuditEventRules.Where(r => r.RuleId == ruleId).Select(r => r.EventId);
        var changeSets = await db.AuditEvents.AsNoTracking()
            .Where(e => naming.Contains(e.Id) && (target == null || e.TargetId == target))
            .Select(e => e.Subject).Where(s => s != null && s.StartsWith(ChangeSetPrefix)).Distinct()
            .ToListAsync(cancellationToken);
        var changeSetIds = changeSets.Select(s => long.TryParse(s![ChangeSetPrefix.Length..], out var id) ? id : 0).Where(id => id > 0).ToList();
        var revisionIds = (await db.Revisions.AsNoTracking()
            .Where(r => r.ChangeSetId != null && changeSetIds.Contains(r.ChangeSetId.Value)).Select(r => r.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        List<string?> deployments = [];
        // Only revisions made from those change sets can have deployments worth reading.
        if (revisionIds.Count > 0)
        {
            var requests = await db.AuditEvents.AsNoTracking()
                .Where(e => (e.Action == AuditActions.PublishRequested || e.Action == AuditActions.RollbackRequested) && (target == null || e.TargetId == target))
                .Select(e => new { e.Subject, e.DetailsJson }).ToListAsync(cancellationToken);
            deployments = [.. requests.Where(r => revisionIds.Contains(RevisionIdOf(r.DetailsJson))).Select(r => r.Subject)];
        }
        var related = changeSets.Concat(deployments).ToList();
        // The change set's own edits are found through the index when they touched the rule; its creation and exports did not.
        // Two disjoint parts (the index names only edits, which the second part leaves out) joined by UNION ALL:
        // each uses its own index, where one OR would scan the whole history.
        return events.Where(e => naming.Contains(e.Id))
            .Concat(events.Where(e => related.Contains(e.Subject) && !_notAboutRules.Contains(e.Action)));
    }

    // Publishing's details start with the revision's id (PublishAuditDetails); anything else names none.
    private static long RevisionIdOf(string detailsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(detailsJson);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("revisionId", out var id)
                && id.TryGetInt64(out var value) ? value : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
