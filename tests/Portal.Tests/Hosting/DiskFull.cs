using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdgePortal.Portal.Tests.Hosting;

/// <summary>
/// The disk fills up: once armed, writes after the first <see cref="WritesAllowed"/> fail the way SQLite fails then
/// (a full disk cannot be made on a test machine, and as root a read-only file is still written).
/// </summary>
public sealed class DiskFull : DbCommandInterceptor
{
    private int _writes;

    public bool Armed { get; set; }

    public int WritesAllowed { get; init; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        var text = command.CommandText;
        var write = text.Contains("INSERT ", StringComparison.Ordinal) || text.Contains("UPDATE ", StringComparison.Ordinal) || text.Contains("DELETE ", StringComparison.Ordinal);
        if (Armed && write && ++_writes > WritesAllowed)
        {
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        }
    }
}
