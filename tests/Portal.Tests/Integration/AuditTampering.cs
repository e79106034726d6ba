using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>
/// What someone who can write the database file does, straight through SQLite and without the portal's
/// code: the "40-line script" that edits an event and re-hashes every later one as the docs
/// describe the old SHA-256 chain, deleting the newest rows, and resetting SQLite's id counter.
/// </summary>
public sealed class AuditTampering(string databaseFile) : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new($"Data Source={databaseFile};Pooling=False");

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            await _connection.OpenAsync();
        }
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await ExecuteAsync("SELECT 1");
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Recomputes every event from <paramref name="fromId"/> (to <paramref name="toId"/>) as SHA-256 of its fields and the previous hash; optionally drops the key id too.</summary>
    public async Task RehashFromAsync(long fromId, bool dropKeyIds = false, long toId = long.MaxValue)
    {
        await ExecuteAsync("SELECT 1");
        var rows = new List<(long Id, long Time, string Actor, string Action, string? Target, string? Subject, string Details, string? KeyId)>();
        string previous;
        await using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT Seal FROM AuditEvents WHERE Id < $id ORDER BY Id DESC LIMIT 1";
            read.Parameters.AddWithValue("$id", fromId);
            previous = (string?)await read.ExecuteScalarAsync() ?? "";
            read.CommandText = "SELECT Id, Time, Actor, Action, TargetId, Subject, DetailsJson, SealKeyId FROM AuditEvents WHERE Id >= $id AND Id <= $to ORDER BY Id";
            read.Parameters.AddWithValue("$to", toId);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }
        foreach (var row in rows)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
            {
                row.Id, row.Time, row.Actor, row.Action, row.Target, row.Subject, row.Details, previous,
            }))));
            await ExecuteAsync(dropKeyIds
                    ? "UPDATE AuditEvents SET PreviousSeal = $previous, Seal = $hash, SealKeyId = NULL WHERE Id = $id"
                    : "UPDATE AuditEvents SET PreviousSeal = $previous, Seal = $hash WHERE Id = $id",
                ("$previous", previous), ("$hash", hash), ("$id", row.Id));
            previous = hash;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
