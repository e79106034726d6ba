using System.Globalization;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>The state of one verification as it walks the events in id order; each check names the first event that fails it.</summary>
internal sealed class AuditChainWalk(AuditKeyRing sealKeys, IReadOnlyList<AuditCheckpoint> checkpoints)
{
    private readonly ILookup<long, AuditCheckpoint> _pinned = checkpoints.ToLookup(c => c.LastId);
    private readonly long _sealedFrom = checkpoints.Where(c => c.SealedFrom > 0).Select(c => c.SealedFrom).DefaultIfEmpty(0).Min();
    private readonly AuditCheckpoint? _newest = checkpoints.MaxBy(c => (c.LastId, c.Time));
    private string _previousSeal = "";
    private string? _previousKeyId;
    private long _firstId;
    private long _firstSealedId;

    public long LastId { get; private set; }

    public int Count { get; private set; }

    public AuditVerification? Check(AuditEvent e)
    {
        var what = $"Event #{Id(e.Id)} ({e.Action})";
        if (LastId > 0 && e.Id != LastId + 1)
        {
            var missing = e.Id == LastId + 2 ? $"Event #{Id(LastId + 1)} is" : $"Events #{Id(LastId + 1)} to #{Id(e.Id - 1)} are";
            return Broken(LastId + 1, null, $"{missing} missing: event #{Id(e.Id)} ({e.Action}) follows event #{Id(LastId)}, and ids are never reused, so they were deleted.");
        }
        if (e.PreviousSeal != _previousSeal)
        {
            return Broken(e, LastId == 0
                ? $"{what} is the oldest event but names a previous seal: the events before it were deleted."
                : $"{what} does not link to event #{Id(LastId)}: its previous seal is not that event's seal, so event #{Id(LastId)} was changed or an event between them was removed.");
        }
        if (e.SealKeyId is null)
        {
            if (_firstSealedId > 0 || (_sealedFrom > 0 && e.Id >= _sealedFrom))
            {
                return Broken(e, $"{what} differs from what was sealed: it carries no seal key although events from #{Id(_firstSealedId > 0 ? _firstSealedId : _sealedFrom)} on were sealed, so it was rewritten without the key.");
            }
            if (AuditChain.UnkeyedHash(e) != e.Seal)
            {
                return Broken(e, $"{what} does not match its hash: it was changed after it was written.");
            }
        }
        else
        {
            if (sealKeys.Find(e.SealKeyId) is not { } key)
            {
                return Broken(e, $"{what} differs from what was sealed: it names seal key {e.SealKeyId}, which this portal does not hold.");
            }
            if (key.Mac(AuditChain.Canonical(e)) != e.Seal)
            {
                return Broken(e, $"{what} differs from what was sealed: its fields do not match its seal, so it was changed after it was written.");
            }
            if (e.SealKeyId != _previousKeyId && e.Action != AuditActions.AuditKeyRotated)
            {
                return Broken(e, $"{what} is sealed with key {e.SealKeyId} but no {AuditActions.AuditKeyRotated} event introduces that key.");
            }
            _firstSealedId = _firstSealedId > 0 ? _firstSealedId : e.Id;
        }
        foreach (var checkpoint in _pinned[e.Id])
        {
            if (checkpoint.Head != e.Seal)
            {
                return Broken(e, $"{what} differs from what was sealed: the checkpoint of {Time(checkpoint)} recorded another seal for it, so the chain up to it was rewritten.");
            }
        }
        _firstId = _firstId > 0 ? _firstId : e.Id;
        _previousSeal = e.Seal;
        _previousKeyId = e.SealKeyId;
        LastId = e.Id;
        Count++;
        return null;
    }

    /// <summary>After the last event: what the database and the newest checkpoint say should come after it.</summary>
    public AuditVerification? End(long handedOut)
    {
        if (_newest is { } newest && newest.LastId > LastId)
        {
            return Broken(LastId + 1, null, $"The newest {Id(newest.LastId - LastId)} events were deleted after the checkpoint of {Time(newest)}: it recorded {Id(newest.Count)} events up to #{Id(newest.LastId)}, and the history now ends at #{Id(LastId)}.");
        }
        if (handedOut > LastId)
        {
            return Broken(LastId + 1, null, $"The newest {Id(handedOut - LastId)} events were deleted: the database handed out ids up to #{Id(handedOut)}, and the history now ends at #{Id(LastId)}.");
        }
        return null;
    }

    public IReadOnlyList<string> Notes()
    {
        var notes = new List<string>();
        if (_firstId > 0 && _firstSealedId != _firstId)
        {
            var lastUnkeyed = _firstSealedId > 0 ? _firstSealedId - 1 : LastId;
            notes.Add($"Events #{Id(_firstId)} to #{Id(lastUnkeyed)} were written before sealing began and are checked only as the old unkeyed SHA-256 chain: "
                + "anyone who could write the database before then could have rewritten them without it showing."
                + (_firstSealedId > 0 ? $" Since event #{Id(_firstSealedId)} every event is sealed with a key the database does not hold, and that seal covers the older chain as it was then." : ""));
        }
        notes.Add(_newest is { } newest
            ? $"Checked against the checkpoint of {Time(newest)} ({Id(newest.Count)} events up to #{Id(newest.LastId)})."
            : "No checkpoint has been written yet, so deleting the newest events could go unnoticed; one is written every few minutes and with every export.");
        return notes;
    }

    private AuditVerification Broken(AuditEvent e, string message) => Broken(e.Id, e.Action, message);

    private AuditVerification Broken(long id, string? action, string message) =>
        new(false, Count, id, action, $"{message} The {Id(Count)} events before it are intact.", []);

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(AuditCheckpoint checkpoint) => checkpoint.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
