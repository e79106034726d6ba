using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Targets;

/// <summary>
/// Adds, edits and retires targets: Admins only, decided here rather than by the page. The command line acts as the
/// machine's operator through the overloads that take an actor name. A new target starts with revision #1 (empty, or
/// the distribution's adopted geo restriction), not live until it is published.
/// </summary>
public sealed class TargetAdminService(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static bool MayAdminister(ClaimsPrincipal user) => user.IsAtLeast(PortalRoles.Admin);

    /// <summary>The form's values for an existing target; null when there is none.</summary>
    public async Task<TargetInput?> GetInputAsync(string targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        return target is null ? null : TargetInput.From(target);
    }

    public Task<TargetAdminResult> AddAsync(ClaimsPrincipal admin, TargetInput input, CancellationToken cancellationToken = default) =>
        MayAdminister(admin) ? AddAsync(input, Actor.From(admin).Name, cancellationToken) : Forbidden(admin, "add targets");

    /// <summary>Adds a target; <paramref name="actor"/> is who the audit history names (<c>cli</c>, an email).</summary>
    public async Task<TargetAdminResult> AddAsync(TargetInput input, string actor, CancellationToken cancellationToken = default)
    {
        Trim(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Targets.AsNoTracking().ToListAsync(cancellationToken);
        var problems = TargetValidation.Problems(input, all, adding: true);
        if (problems.Count > 0)
        {
            return TargetAdminResult.Invalid(problems);
        }
        var now = time.GetUtcNow();
        var target = new Target { Id = input.Id, DisplayName = input.DisplayName, Kind = input.Kind, CreatedAt = now };
        Apply(input, target);
        var document = input.AdoptedGeo is { } geo ? RulesDocument.Empty with { Geo = geo } : RulesDocument.Empty;
        var json = DocumentCodec.Write(document);
        db.Targets.Add(target);
        db.Revisions.Add(new Revision
        {
            TargetId = target.Id,
            Number = 1,
            DocumentJson = json,
            Sha256 = DocumentCodec.Sha256(json),
            AuthorId = actor,
            AuthorName = actor,
            CreatedAt = now,
            Message = input.AdoptedGeo is null
                ? "Empty document: the first publish changes nothing the operator did not ask for."
                : $"Adopted from distribution {target.DistributionId}: its geo restriction, so the first publish keeps it.",
        });
        audit.Add(db, actor, AuditActions.TargetCreated, target.Id, $"target/{target.Id}", Details(target));
        await db.SaveChangesAsync(cancellationToken);
        return TargetAdminResult.Saved(target.Id);
    }

    public Task<TargetAdminResult> UpdateAsync(ClaimsPrincipal admin, TargetInput input, CancellationToken cancellationToken = default) =>
        MayAdminister(admin) ? UpdateAsync(input, Actor.From(admin).Name, cancellationToken) : Forbidden(admin, "edit targets");

    /// <summary>Changes a target's settings; its id and kind stay what they were.</summary>
    public async Task<TargetAdminResult> UpdateAsync(TargetInput input, string actor, CancellationToken cancellationToken = default)
    {
        Trim(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == input.Id, cancellationToken);
        if (target is null)
        {
            return TargetAdminResult.Refused($"There is no target '{input.Id}'.");
        }
        if (target.RetiredAt is not null)
        {
            return TargetAdminResult.Refused($"Target '{target.Id}' is retired; it is kept for history and cannot be edited.");
        }
        input.Kind = target.Kind;
        var others = await db.Targets.AsNoTracking().Where(t => t.Id != target.Id).ToListAsync(cancellationToken);
        var problems = TargetValidation.Problems(input, others, adding: false);
        if (problems.Count > 0)
        {
            return TargetAdminResult.Invalid(problems);
        }
        Apply(input, target);
        audit.Add(db, actor, AuditActions.TargetUpdated, target.Id, $"target/{target.Id}", Details(target));
        await db.SaveChangesAsync(cancellationToken);
        return TargetAdminResult.Saved(target.Id);
    }

    public Task<TargetAdminResult> RetireAsync(ClaimsPrincipal admin, string targetId, CancellationToken cancellationToken = default) =>
        MayAdminister(admin) ? RetireAsync(targetId, Actor.From(admin).Name, cancellationToken) : Forbidden(admin, "retire targets");

    /// <summary>Hides a target from editing and publishing; its revisions and history stay.</summary>
    public async Task<TargetAdminResult> RetireAsync(string targetId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null || target.RetiredAt is not null)
        {
            return TargetAdminResult.Refused(target is null ? $"There is no target '{targetId}'." : $"Target '{targetId}' is already retired.");
        }
        if (target.Kind == Edge.Publishing.TargetKind.Local)
        {
            return TargetAdminResult.Refused("The local target stays: it is where a new portal starts and where changes are tried.");
        }
        if (await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.RequiredTargetId == targetId && t.RetiredAt == null, cancellationToken) is { } dependent)
        {
            return TargetAdminResult.Refused($"Target '{dependent.Id}' requires '{targetId}' to run a document first; change or retire '{dependent.Id}' before retiring '{targetId}'.");
        }
        target.RetiredAt = time.GetUtcNow();
        audit.Add(db, actor, AuditActions.TargetRetired, target.Id, $"target/{target.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return TargetAdminResult.Saved(target.Id);
    }

    private static Task<TargetAdminResult> Forbidden(ClaimsPrincipal user, string what) =>
        Task.FromResult(TargetAdminResult.Refused($"Only an Admin can {what}; you are {user.HighestRole() ?? "signed out"}."));

    private static void Trim(TargetInput input)
    {
        input.Id = input.Id.Trim();
        input.DisplayName = input.DisplayName.Trim();
        input.FunctionName = Blank(input.FunctionName);
        input.DistributionId = Blank(input.DistributionId);
        input.RoleArn = Blank(input.RoleArn);
        input.ExternalId = Blank(input.ExternalId);
        input.RequiredTargetId = Blank(input.RequiredTargetId);
        // "*" is how people write the default behaviour; the target stores the default as no patterns.
        input.CacheBehaviors = [.. input.CacheBehaviors.Select(b => b.Trim()).Where(b => b != "*")];
        input.EventTypes = [.. input.EventTypes.Select(e => e.Trim())];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Copies the settings; credentials are a role to assume and an external id, never keys (nothing secret is stored).</summary>
    private static void Apply(TargetInput input, Target target)
    {
        var old = TargetSettings.Read(target);
        target.DisplayName = input.DisplayName;
        target.ApprovalsRequired = input.ApprovalsRequired;
        target.RequiredTargetId = input.RequiredTargetId;
        var settings = old with { MaxInvalidationPaths = input.MaxInvalidationPaths, MaxWildcardPaths = input.MaxWildcardPaths };
        if (target.Kind == Edge.Publishing.TargetKind.Aws)
        {
            target.FunctionName = input.FunctionName;
            target.DistributionId = input.DistributionId;
            target.CacheBehaviors = [.. input.CacheBehaviors];
            target.EventTypes = [.. input.EventTypes];
            settings = settings with { RoleArn = input.RoleArn, ExternalId = input.ExternalId };
        }
        target.SettingsJson = JsonSerializer.Serialize(settings, _json);
    }

    private static object Details(Target target) => new
    {
        target.DisplayName,
        kind = target.Kind.ToString(),
        target.FunctionName,
        target.DistributionId,
        target.CacheBehaviors,
        target.EventTypes,
        target.ApprovalsRequired,
        target.RequiredTargetId,
        settings = target.SettingsJson,
    };
}
