using Microsoft.Data.Sqlite;

namespace EdgePortal.Portal.Data;

/// <summary>
/// The database file could not be written: the disk is full or read-only, or the file cannot be opened.
/// Every save is one transaction, so when this happens nothing was written; the page keeps the user's edit.
/// </summary>
public static class StorageFailure
{
    /// <summary>What any page or request says when the database could not be written.</summary>
    public const string Sentence = "The portal could not write to its database (the disk may be full or read-only). Try again once the disk is fixed.";

    /// <summary>What the editor says: the same, and that the edit is still in the page.</summary>
    public const string Message = "The portal could not write to its database (the disk may be full or read-only). Nothing was saved; your edits are still here. Try again once the disk is fixed.";

    // SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN (primary result codes).
    private static readonly int[] _codes = [8, 10, 13, 14];

    /// <summary>True for an exception that is, or wraps (EF's <c>DbUpdateException</c>), SQLite saying the storage failed.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && _codes.Contains(sqlite.SqliteErrorCode & 0xFF))
            {
                return true;
            }
        }
        return false;
    }
}
