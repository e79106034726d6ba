using System.Text.Json;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// The state of the chain at one moment, signed with the checkpoint key and kept outside the database:
/// <see cref="Count"/> events up to <see cref="LastId"/>, whose seal is <see cref="Head"/>. Events from
/// <see cref="SealedFrom"/> on were sealed with a key (0: none yet). A database that later holds fewer
/// events, or a different seal at <see cref="LastId"/>, was changed after this was written.
/// </summary>
public sealed record AuditCheckpoint(
    long Count,
    long LastId,
    string Head,
    long SealedFrom,
    DateTimeOffset Time,
    string? SealKeyId,
    string CheckpointKeyId,
    string Signature)
{
    /// <summary>What the signature covers: every other field, as a JSON array (time as UTC ticks).</summary>
    public string Signed() => JsonSerializer.Serialize(new object?[] { Count, LastId, Head, SealedFrom, Time.UtcTicks, SealKeyId, CheckpointKeyId });
}

/// <summary>One line of a checkpoint file: the checkpoint when it parsed and its signature held, otherwise why not.</summary>
public sealed record StoredCheckpoint(string File, int Line, AuditCheckpoint? Checkpoint, string? Problem);
