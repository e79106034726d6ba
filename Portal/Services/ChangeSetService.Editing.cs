using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services;

/// <summary>Every edit of a draft goes through <see cref="SaveDocumentAsync"/>: the lifecycle's Edit move and the version check, one atomic write.</summary>
public sealed partial class ChangeSetService
{
    public Task<ChangeSetResult> SaveDraftAsync(ClaimsPrincipal user, long changeSetId, RulesDocument document, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        SaveDocumentAsync(user, changeSetId, expectedVersion, _ => document, AuditActions.DraftSaved, new { op = "document.saved", ruleCount = document.RuleCount }, null, cancellationToken);

    public Task<ChangeSetResult> EditAsync(ClaimsPrincipal user, long changeSetId, Func<RulesDocument, RulesDocument> edit, string description, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        SaveDocumentAsync(user, changeSetId, expectedVersion, edit, AuditActions.DraftSaved, new { op = "document.edited", description }, null, cancellationToken);

    public Task<ChangeSetResult> UpdateRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, int index, IRule rule, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        SaveDocumentAsync(user, changeSetId, expectedVersion, d => d.ReplaceRule(section, index, rule),
            AuditActions.DraftSaved, new { op = "rule.updated", section = section.JsonName(), index, ruleId = rule.Id }, null, cancellationToken);

    public Task<ChangeSetResult> AddRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, IRule rule, int? index, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        SaveDocumentAsync(user, changeSetId, expectedVersion, d => index is { } at ? d.InsertRule(section, at, rule) : d.AddRule(section, rule),
            AuditActions.DraftSaved, new { op = "rule.added", section = section.JsonName(), index, ruleId = rule.Id }, null, cancellationToken);

    public Task<ChangeSetResult> DeleteRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, int index, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        SaveDocumentAsync(user, changeSetId, expectedVersion, d => d.RemoveRule(section, index),
            AuditActions.DraftSaved, new { op = "rule.deleted", section = section.JsonName(), index }, null, cancellationToken);

    public Task<ChangeSetResult> MoveRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, int fromIndex, int toIndex, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        SaveDocumentAsync(user, changeSetId, expectedVersion, d => d.MoveRule(section, fromIndex, toIndex),
            AuditActions.DraftSaved, new { op = "rule.moved", section = section.JsonName(), fromIndex, toIndex }, null, cancellationToken);

    public Task<ChangeSetResult> RenameAsync(ClaimsPrincipal user, long changeSetId, string title, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        title = title.Trim();
        if (title.Length is 0 or > MaxTitleLength)
        {
            return Task.FromResult<ChangeSetResult>(new ChangeSetResult.Invalid($"title: give the change set a title of 1 to {MaxTitleLength} characters.", []));
        }
        return SaveDocumentAsync(user, changeSetId, expectedVersion, d => d, AuditActions.DraftSaved, new { op = "title.changed", title }, new ChangeSetHeading(title), cancellationToken);
    }

    public Task<ChangeSetResult> DescribeAsync(ClaimsPrincipal user, long changeSetId, string title, string description, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        title = title.Trim();
        description = description.Trim();
        if (title.Length is 0 or > MaxTitleLength)
        {
            return Task.FromResult<ChangeSetResult>(new ChangeSetResult.Invalid($"title: give the change set a title of 1 to {MaxTitleLength} characters.", []));
        }
        if (description.Length > ChangeSetComment.MaxTextLength)
        {
            return Task.FromResult<ChangeSetResult>(new ChangeSetResult.Invalid($"description: at most {ChangeSetComment.MaxTextLength} characters.", []));
        }
        return SaveDocumentAsync(user, changeSetId, expectedVersion, d => d, AuditActions.DraftSaved, new { op = "title.changed", title, description },
            new ChangeSetHeading(title, description), cancellationToken);
    }

    public Task<ChangeSetResult> ImportAsync(ClaimsPrincipal user, long changeSetId, string json, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (RefuseEditing(user) is { } refused)
        {
            return Task.FromResult(refused);
        }
        var read = DocumentCodec.Read(json);
        if (!read.IsValid)
        {
            return Task.FromResult<ChangeSetResult>(new ChangeSetResult.Invalid(
                $"The imported file is not a valid rules document ({read.Problems.Count} problem(s)); the draft was not changed.", read.Problems));
        }
        var document = read.Document!;
        return SaveDocumentAsync(user, changeSetId, expectedVersion, _ => document, AuditActions.DraftImported,
            new { ruleCount = document.RuleCount, sha256 = DocumentCodec.Sha256(DocumentCodec.Write(document)) }, null, cancellationToken);
    }

    private async Task<ChangeSetResult> SaveDocumentAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion,
        Func<RulesDocument, RulesDocument> produce, string action, object details, ChangeSetHeading? heading, CancellationToken cancellationToken)
    {
        if (RefuseEditing(user) is { } refused)
        {
            return refused;
        }
        var actor = Actor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The header only: a one-rule edit of a large draft must not read its JSON when the cache has it.
        var found = await db.ChangeSets.AsNoTracking().Where(c => c.Id == changeSetId)
            .Select(c => new ChangeSet
            {
                Id = c.Id, TargetId = c.TargetId, BaseRevisionId = c.BaseRevisionId, AuthorId = c.AuthorId, AuthorName = c.AuthorName,
                Title = c.Title, Description = c.Description, DocumentJson = "", State = c.State, Version = c.Version, CreatedAt = c.CreatedAt,
                UpdatedAt = c.UpdatedAt, UpdatedBy = c.UpdatedBy,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (LifecycleGate.Refuse(user, found, ChangeSetAction.Edit) is { } notEditable)
        {
            return notEditable;
        }
        var header = found!;
        if (header.Version != expectedVersion)
        {
            return Conflict(header);
        }
        if (!cache.TryGet(changeSetId, expectedVersion, out var current))
        {
            var stored = await db.ChangeSets.Where(c => c.Id == changeSetId).Select(c => c.DocumentJson).FirstAsync(cancellationToken);
            current = DocumentCodec.ReadStored(stored);
        }
        RulesDocument changed;
        try
        {
            changed = produce(current);
        }
        catch (ArgumentException ex)
        {
            // A position or id that is not there means the editor showed an older draft.
            var reload = ex is ArgumentOutOfRangeException ? " Reload the draft." : "";
            return new ChangeSetResult.Invalid(ex.Message.Split(" (Parameter")[0] + reload, []);
        }
        var json = DocumentCodec.Write(changed);
        var title = heading?.Title ?? header.Title;
        var description = heading?.Description ?? header.Description;
        Touch(header, actor);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.ChangeSets
            .Where(c => c.Id == changeSetId && c.Version == expectedVersion && c.State == header.State && c.AuthorId == actor.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.DocumentJson, json)
                .SetProperty(c => c.Title, title)
                .SetProperty(c => c.Description, description)
                .SetProperty(c => c.Version, header.Version)
                .SetProperty(c => c.UpdatedAt, header.UpdatedAt)
                .SetProperty(c => c.UpdatedBy, header.UpdatedBy), cancellationToken);
        if (rows == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ConflictAsync(changeSetId, cancellationToken);
        }
        // A draft has no approvals (withdrawing dropped them); a change set sent back for changes may.
        var dropped = header.State == ChangeSetState.Draft ? []
            : await ApprovalDrops.DropAsync(db, changeSetId, actor, $"{actor.Name} edited the change set after it was submitted", header.UpdatedAt, cancellationToken);
        var recorded = WithRuleChanges(details, current, changed);
        if (dropped.Count > 0)
        {
            recorded["droppedApprovals"] = JsonSerializer.SerializeToNode(dropped);
        }
        audit.Add(db, actor.Name, action, header.TargetId, $"changeset/{changeSetId}", recorded);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        header.Title = title;
        header.Description = description;
        cache.Set(changeSetId, header.Version, changed);
        return new ChangeSetResult.Saved(new ChangeSetView(Projections.ToChangeSetSummary(header), changed));
    }

    // Every save names the rules it changed, before and after, so filtering by a rule id finds it.
    private static JsonObject WithRuleChanges(object details, RulesDocument before, RulesDocument after)
    {
        var recorded = JsonSerializer.SerializeToNode(details, _auditJson)!.AsObject();
        recorded["rules"] = AuditRuleChanges.Describe(before, after);
        return recorded;
    }

    private static readonly JsonSerializerOptions _auditJson = new(JsonSerializerDefaults.Web);
}

/// <summary>A new title, and optionally a new description, saved with a change.</summary>
internal sealed record ChangeSetHeading(string Title, string? Description = null);
