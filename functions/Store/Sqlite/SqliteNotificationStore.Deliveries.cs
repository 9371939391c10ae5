using System.Globalization;
using Microsoft.Data.Sqlite;
using Periscope.Functions.Notifications;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteNotificationStore
{
    public async Task<Page<DeliveryRecord>> ListDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.Channel is { } channel)
        {
            where.Add("o.channel = $channel");
            command.Parameters.AddWithValue("$channel", channel);
        }

        if (query.Status is { } status)
        {
            where.Add("o.status = $status");
            command.Parameters.AddWithValue("$status", status);
        }

        if (query.AlertId is { } alertId)
        {
            where.Add("o.id IN (SELECT outbox_id FROM notification_outbox_alerts WHERE alert_id = $alert)");
            command.Parameters.AddWithValue("$alert", alertId);
        }

        if (query.Continue is { } token)
        {
            var last = ContinueToken.Decode(token, 1);
            if (!long.TryParse(last[0], NumberStyles.None, CultureInfo.InvariantCulture, out var lastId))
            {
                throw new InvalidContinueTokenException();
            }

            where.Add("o.id < $after");
            command.Parameters.AddWithValue("$after", lastId);
        }

        command.CommandText =
            $"""
            SELECT o.id, o.channel, o.group_key, o.status, o.alert_count, o.attempts, o.created_at, o.next_attempt_at, o.completed_at, o.last_error
            FROM notification_outbox o {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY o.id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", query.Limit + 1);
        var rows = new List<DeliveryRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new DeliveryRecord(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetInt32(4),
                    [],
                    reader.GetInt32(5),
                    SqliteDatabase.ParseTimestamp(reader.GetString(6)),
                    reader.IsDBNull(7) || reader.GetString(3) != DeliveryStatus.Pending ? null : SqliteDatabase.ParseTimestamp(reader.GetString(7)),
                    reader.IsDBNull(8) ? null : SqliteDatabase.ParseTimestamp(reader.GetString(8)),
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    []));
            }
        }

        string? next = null;
        if (rows.Count > query.Limit)
        {
            rows.RemoveAt(rows.Count - 1);
            next = ContinueToken.Encode(rows[^1].Id.ToString(CultureInfo.InvariantCulture));
        }

        var detailed = new List<DeliveryRecord>(rows.Count);
        foreach (var row in rows)
        {
            detailed.Add(row with
            {
                AlertIds = await AlertIdsAsync(connection, row.Id, cancellationToken),
                AttemptLog = await AttemptsAsync(connection, row.Id, cancellationToken),
            });
        }

        return new Page<DeliveryRecord>(detailed, next);
    }

    private static async Task<IReadOnlyList<long>> AlertIdsAsync(SqliteConnection connection, long outboxId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT alert_id FROM notification_outbox_alerts WHERE outbox_id = $id ORDER BY alert_id";
        command.Parameters.AddWithValue("$id", outboxId);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static async Task<IReadOnlyList<DeliveryAttempt>> AttemptsAsync(SqliteConnection connection, long outboxId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT time, channel, attempt, outcome, status_code, errcode, error, latency_ms FROM notification_attempts WHERE outbox_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", outboxId);
        var attempts = new List<DeliveryAttempt>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            attempts.Add(new DeliveryAttempt(
                SqliteDatabase.ParseTimestamp(reader.GetString(0)),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetDouble(7)));
        }

        return attempts;
    }
}
