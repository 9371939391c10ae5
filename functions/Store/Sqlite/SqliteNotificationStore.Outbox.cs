using System.Text.Json;
using Microsoft.Data.Sqlite;
using Periscope.Functions.Notifications;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteNotificationStore
{
    public async Task EnqueueAsync(IReadOnlyList<OutboxItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                """
                INSERT INTO notification_outbox (channel, group_key, status, notice_json, alert_count, created_at, next_attempt_at)
                VALUES ($channel, $group, 'pending', $notice, $count, $now, $now) RETURNING id
                """;
            var channel = insert.Parameters.Add("$channel", SqliteType.Text);
            var group = insert.Parameters.Add("$group", SqliteType.Text);
            var notice = insert.Parameters.Add("$notice", SqliteType.Text);
            var count = insert.Parameters.Add("$count", SqliteType.Integer);
            insert.Parameters.AddWithValue("$now", SqliteDatabase.Timestamp(now));

            await using var link = connection.CreateCommand();
            link.Transaction = transaction;
            link.CommandText = "INSERT OR IGNORE INTO notification_outbox_alerts (alert_id, outbox_id) VALUES ($alert, $outbox)";
            var alert = link.Parameters.Add("$alert", SqliteType.Integer);
            var outbox = link.Parameters.Add("$outbox", SqliteType.Integer);

            foreach (var item in items)
            {
                channel.Value = item.Channel;
                group.Value = item.Notice.GroupKey;
                notice.Value = JsonSerializer.Serialize(item.Notice, SqliteNotificationStoreJsonContext.Default.AlertGroupNotice);
                count.Value = item.Notice.Alerts.Count;
                outbox.Value = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken));
                foreach (var id in item.Notice.Alerts.Select(entry => entry.Id).Distinct())
                {
                    alert.Value = id;
                    await link.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public async Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT id, channel, notice_json, attempts, created_at FROM notification_outbox
            WHERE status = 'pending' AND next_attempt_at <= $now ORDER BY id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", SqliteDatabase.Timestamp(now));
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                JsonSerializer.Deserialize(reader.GetString(2), SqliteNotificationStoreJsonContext.Default.AlertGroupNotice)!,
                reader.GetInt32(3),
                SqliteDatabase.ParseTimestamp(reader.GetString(4))));
        }

        return entries;
    }

    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(next_attempt_at) FROM notification_outbox WHERE status = 'pending' AND next_attempt_at > $after";
        command.Parameters.AddWithValue("$after", SqliteDatabase.Timestamp(after));
        return await command.ExecuteScalarAsync(cancellationToken) is string next ? SqliteDatabase.ParseTimestamp(next) : null;
    }

    public async Task CompleteAttemptAsync(
        IReadOnlyList<OutboxEntry> entries, DeliveryAttempt attempt, DeliveryTransition transition, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var transaction = connection.BeginTransaction();
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText =
                """
                INSERT INTO notification_attempts (outbox_id, time, channel, attempt, outcome, status_code, errcode, error, latency_ms)
                VALUES ($id, $time, $channel, $attempt, $outcome, $status, $errcode, $error, $latency)
                """;
            var recordId = record.Parameters.Add("$id", SqliteType.Integer);
            var number = record.Parameters.Add("$attempt", SqliteType.Integer);
            record.Parameters.AddWithValue("$time", SqliteDatabase.Timestamp(attempt.Time));
            record.Parameters.AddWithValue("$channel", attempt.Channel);
            record.Parameters.AddWithValue("$outcome", attempt.Outcome);
            record.Parameters.AddWithValue("$status", (object?)attempt.StatusCode ?? DBNull.Value);
            record.Parameters.AddWithValue("$errcode", (object?)attempt.ErrCode ?? DBNull.Value);
            record.Parameters.AddWithValue("$error", (object?)attempt.Error ?? DBNull.Value);
            record.Parameters.AddWithValue("$latency", attempt.LatencyMs);

            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText =
                """
                UPDATE notification_outbox SET status = $status, attempts = attempts + 1, next_attempt_at = $next,
                    completed_at = $completed, last_error = $error WHERE id = $id
                """;
            var updateId = update.Parameters.Add("$id", SqliteType.Integer);
            update.Parameters.AddWithValue("$status", transition.Status);
            update.Parameters.AddWithValue("$next", transition.NextAttemptAt is { } next ? SqliteDatabase.Timestamp(next) : DBNull.Value);
            update.Parameters.AddWithValue(
                "$completed", transition.Status == DeliveryStatus.Pending ? DBNull.Value : SqliteDatabase.Timestamp(attempt.Time));
            update.Parameters.AddWithValue("$error", (object?)transition.Error ?? DBNull.Value);

            foreach (var entry in entries)
            {
                recordId.Value = entry.Id;
                number.Value = entry.Attempts + 1;
                await record.ExecuteNonQueryAsync(cancellationToken);
                updateId.Value = entry.Id;
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public async Task<int> DeleteFinishedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                CREATE TEMP TABLE IF NOT EXISTS finished_outbox (id INTEGER PRIMARY KEY);
                DELETE FROM finished_outbox;
                INSERT INTO finished_outbox SELECT id FROM notification_outbox WHERE completed_at < $before;
                DELETE FROM notification_attempts WHERE outbox_id IN (SELECT id FROM finished_outbox);
                DELETE FROM notification_outbox_alerts WHERE outbox_id IN (SELECT id FROM finished_outbox);
                DELETE FROM notification_outbox WHERE id IN (SELECT id FROM finished_outbox);
                """;
            command.Parameters.AddWithValue("$before", SqliteDatabase.Timestamp(before));
            await command.ExecuteNonQueryAsync(cancellationToken);
            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT COUNT(*) FROM finished_outbox";
            var deleted = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        }
        finally
        {
            database.WriteLock.Release();
        }
    }
}
