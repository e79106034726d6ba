using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CsvHelper;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Audit;

public sealed class AuditHistory(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, AuditVerifier verifier, AuditCheckpoints checkpoints) : IAuditHistory
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static bool MayRead(ClaimsPrincipal user) => user.IsAtLeast(PortalRoles.Approver);

    public async Task<AuditPage> QueryAsync(AuditQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = await AuditFilter.ApplyAsync(db, query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var events = await filtered.OrderByDescending(e => e.Id).Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(e => new AuditEntry(e.Id, e.Time, e.Actor, e.Action, e.TargetId, e.Subject, e.DetailsJson, e.PreviousSeal, e.Seal, e.SealKeyId))
            .ToListAsync(cancellationToken);
        return new AuditPage(events, total);
    }

    public Task<bool> ExportCsvAsync(ClaimsPrincipal user, AuditQuery query, Stream output, CancellationToken cancellationToken = default) =>
        ExportAsync(user, query, "csv", async events =>
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
            using var csv = CsvWriter.Create(writer, null, true);
            WriteRow(csv, ["id", "time", "actor", "action", "target", "subject", "details", "previousSeal", "seal", "sealKeyId"]);
            await foreach (var e in events)
            {
                WriteRow(csv, [e.Id.ToString(CultureInfo.InvariantCulture), e.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    e.Actor, e.Action, e.TargetId ?? "", e.Subject ?? "", e.DetailsJson, e.PreviousSeal, e.Seal, e.SealKeyId ?? ""]);
            }
            csv.Flush();
        }, cancellationToken);

    public Task<bool> ExportJsonLinesAsync(ClaimsPrincipal user, AuditQuery query, Stream output, CancellationToken cancellationToken = default) =>
        ExportAsync(user, query, "jsonl", async events =>
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            await foreach (var e in events)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(e, _json));
            }
        }, cancellationToken);

    public async Task<AuditVerification> VerifyAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!MayRead(user))
        {
            return new AuditVerification(false, 0, null, null, "Only an Approver or Admin may verify the audit history.", []);
        }
        return await verifier.VerifyAsync(Actor.From(user).Name, cancellationToken);
    }

    private async Task<bool> ExportAsync(ClaimsPrincipal user, AuditQuery query, string format, Func<IAsyncEnumerable<AuditEntry>, Task> write, CancellationToken cancellationToken)
    {
        if (!MayRead(user))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The export holds what existed when it was asked for; its own audit event comes after.
        var lastId = await db.AuditEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        audit.Add(db, Actor.From(user).Name, AuditActions.AuditExported, query.TargetId, "audit", new { format, query, lastId });
        await db.SaveChangesAsync(cancellationToken);
        // Whoever holds an export can later show that the history still contains what it had.
        await checkpoints.WriteAsync(onlyIfGrown: false, cancellationToken);
        var events = (await AuditFilter.ApplyAsync(db, query, cancellationToken)).Where(e => e.Id <= lastId).OrderBy(e => e.Id)
            .Select(e => new AuditEntry(e.Id, e.Time, e.Actor, e.Action, e.TargetId, e.Subject, e.DetailsJson, e.PreviousSeal, e.Seal, e.SealKeyId))
            .AsAsyncEnumerable();
        await write(events);
        return true;
    }

    private static void WriteRow(CsvWriter csv, string[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(SpreadsheetSafe(field));
        }
        csv.EndRecord();
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula gets a leading quote (OWASP's advice on CSV injection):
    /// actors, subjects and details carry text people typed.
    /// </summary>
    internal static string SpreadsheetSafe(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;
}
