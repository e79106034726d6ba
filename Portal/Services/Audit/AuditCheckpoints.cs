using System.Text;
using System.Text.Json;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Writes and reads checkpoints: one JSON line each, appended to <c>audit-checkpoints.jsonl</c> in the data
/// directory and, when <c>Audit:CheckpointSink</c> names a file or directory, there too (meant for storage
/// the portal can append to but not rewrite). Written by <see cref="AuditCheckpointWriter"/> every few
/// minutes and with every export.
/// </summary>
public sealed class AuditCheckpoints(
    IDbContextFactory<PortalDbContext> dbFactory,
    AuditKeys keys,
    PortalPaths paths,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<AuditCheckpoints> logger)
{
    public const string FileName = "audit-checkpoints.jsonl";
    public const string SinkSetting = "Audit:CheckpointSink";
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private long _lastWrittenId = -1;

    /// <summary>Every place checkpoints go: the data directory first, then the sink.</summary>
    public IReadOnlyList<string> Files
    {
        get
        {
            var files = new List<string> { Path.Combine(paths.DataDirectory, FileName) };
            if (configuration[SinkSetting] is { Length: > 0 } sink)
            {
                var full = Path.GetFullPath(sink, paths.DataDirectory);
                files.Add(Directory.Exists(full) || sink.EndsWith('/') || sink.EndsWith('\\') ? Path.Combine(full, FileName) : full);
            }
            return files;
        }
    }

    /// <summary>
    /// Signs the chain as it stands and appends it everywhere; with <paramref name="onlyIfGrown"/>, nothing
    /// when this process already wrote a checkpoint of the same newest event. A place that cannot be written
    /// is logged and the others still get it.
    /// </summary>
    public async Task<AuditCheckpoint?> WriteAsync(bool onlyIfGrown, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id)
                .Select(e => new { e.Id, e.Seal, e.SealKeyId }).FirstOrDefaultAsync(cancellationToken);
            if (head is null || (onlyIfGrown && head.Id == _lastWrittenId))
            {
                return null;
            }
            var count = await db.AuditEvents.LongCountAsync(e => e.Id <= head.Id, cancellationToken);
            var sealedFrom = await db.AuditEvents.Where(e => e.SealKeyId != null).MinAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            var key = keys.Checkpoint.Current;
            var unsigned = new AuditCheckpoint(count, head.Id, head.Seal, sealedFrom, time.GetUtcNow(), head.SealKeyId, key.Id, "");
            var checkpoint = unsigned with { Signature = key.Mac(unsigned.Signed()) };
            var line = JsonSerializer.Serialize(checkpoint, _json) + "\n";
            foreach (var file in Files)
            {
                await AppendAsync(file, line, cancellationToken);
            }
            _lastWrittenId = head.Id;
            return checkpoint;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Every line of every checkpoint file, each checked against the checkpoint keys.</summary>
    public IReadOnlyList<StoredCheckpoint> ReadAll()
    {
        var read = new List<StoredCheckpoint>();
        foreach (var file in Files.Where(File.Exists))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    read.Add(Check(file, number, line));
                }
            }
        }
        return read;
    }

    private StoredCheckpoint Check(string file, int line, string text)
    {
        AuditCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(text, _json);
        }
        catch (JsonException)
        {
            checkpoint = null;
        }
        if (checkpoint is null || checkpoint.Head is null || checkpoint.CheckpointKeyId is null || checkpoint.Signature is null)
        {
            return new StoredCheckpoint(file, line, null, "it is not a checkpoint");
        }
        if (keys.Checkpoint.Find(checkpoint.CheckpointKeyId) is not { } key)
        {
            return new StoredCheckpoint(file, line, null, $"it is signed with checkpoint key {checkpoint.CheckpointKeyId}, which this portal does not hold");
        }
        return key.Mac(checkpoint.Signed()) == checkpoint.Signature
            ? new StoredCheckpoint(file, line, checkpoint, null)
            : new StoredCheckpoint(file, line, null, "its signature does not match: it was altered after it was written");
    }

    private async Task AppendAsync(string file, string line, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // One write of a whole short line in append mode: lines from two processes do not interleave.
            await using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            logger.LogError(error, "The audit checkpoint could not be written to {File}", file);
        }
    }
}
