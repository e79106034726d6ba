using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdgePortal.Portal.Data;

/// <summary>
/// Sets <c>busy_timeout</c> on every connection: when another portal process holds the write lock,
/// SQLite waits for it instead of failing at once with "database is locked".
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 10_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
    }
}
