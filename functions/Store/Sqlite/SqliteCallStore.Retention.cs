using Periscope.Functions.Calls;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteCallStore
{
    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        DeleteAsync(
            "time < $cutoff",
            command => command.Parameters.AddWithValue("$cutoff", SqliteDatabase.Timestamp(cutoff)),
            limit,
            cancellationToken);

    public async Task<CallPosition?> FindCountCutoffAsync(long keep, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        // A walk of the time index past the newest `keep` entries: no table rows are read.
        command.CommandText = "SELECT time, id FROM call_records ORDER BY time DESC, id DESC LIMIT 1 OFFSET $keep";
        command.Parameters.AddWithValue("$keep", keep);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CallPosition(SqliteDatabase.ParseTimestamp(reader.GetString(0)), reader.GetInt64(1))
            : null;
    }

    public Task<int> DeleteUpToAsync(CallPosition newest, int limit, CancellationToken cancellationToken) =>
        DeleteAsync(
            "(time, id) <= ($time, $id)",
            command =>
            {
                command.Parameters.AddWithValue("$time", SqliteDatabase.Timestamp(newest.Time));
                command.Parameters.AddWithValue("$id", newest.Id);
            },
            limit,
            cancellationToken);

    /// <summary>Deletes the oldest <paramref name="limit"/> records matching <paramref name="condition"/>, in one short transaction.</summary>
    private async Task<int> DeleteAsync(string condition, Action<Microsoft.Data.Sqlite.SqliteCommand> bind, int limit, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                DELETE FROM call_records WHERE id IN
                    (SELECT id FROM call_records WHERE {condition} ORDER BY time, id LIMIT $limit)
                """;
            bind(command);
            command.Parameters.AddWithValue("$limit", limit);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            database.WriteLock.Release();
        }
    }
}
