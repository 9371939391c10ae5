using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Periscope.Functions.Alerts;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// Alerts in the embedded database (tables <c>alerts</c>, <c>alert_history</c>, <c>alert_groups</c>, migration 5).
/// Each payload is one transaction under the shared write lock and a handful of statements whatever its size
/// (bench/alerts/run.sh measures a 1,000-alert group).
/// </summary>
/// <remarks>
/// Per alert of a payload:
/// 1. the occurrences are looked up by (fingerprint, startsAt), all in one query;
/// 2. unknown: inserted, with a history entry for its state;
/// 3. known in another state: the state, endsAt and annotations change and a history entry is added; firing
///    again clears the acknowledgement, since what was acknowledged had resolved;
/// 4. known in the same state: a repeat (Alertmanager's repeat_interval), so only last_seen moves.
/// </remarks>
internal sealed partial class SqliteAlertStore(SqliteDatabase database) : IAlertStore
{
    public async Task<AlertIngestResult> IngestAsync(ReceivedGroup group, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var now = SqliteDatabase.Timestamp(receivedAt);
        var changed = new List<(long, ReceivedAlert)>();
        var unchanged = 0;
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await UpsertGroupAsync(connection, transaction, group, now, cancellationToken);

            // 1. One lookup for the whole payload, through the (fingerprint, starts_at) unique index. An occurrence
            // twice in one payload (Alertmanager never does this) counts once, as its last copy says.
            var latest = new Dictionary<(string, string), ReceivedAlert>();
            foreach (var alert in group.Alerts)
            {
                latest[(alert.Fingerprint, SqliteDatabase.Timestamp(alert.StartsAt))] = alert;
            }

            var existing = await FindExistingAsync(connection, transaction, latest.Keys, cancellationToken);
            var inserts = new List<ReceivedAlert>();
            var changes = new List<(long Id, ReceivedAlert Alert)>();
            var repeats = new List<long>();
            foreach (var (key, alert) in latest)
            {
                if (!existing.TryGetValue(key, out var known))
                {
                    inserts.Add(alert);
                }
                else if (known.Status == alert.Status)
                {
                    repeats.Add(known.Id);
                }
                else
                {
                    changes.Add((known.Id, alert));
                }
            }

            // 2.–4. A few set statements over JSON arrays (sqlite.org/json1.html#jeach) rather than a statement per
            // alert: a storm's cost is then SQLite's own row and index work.
            if (inserts.Count > 0)
            {
                var ids = await InsertAsync(connection, transaction, group, inserts, now, cancellationToken);
                changed.AddRange(inserts.Select(alert => (ids[(alert.Fingerprint, SqliteDatabase.Timestamp(alert.StartsAt))], alert)));
            }

            if (changes.Count > 0)
            {
                await ChangeAsync(connection, transaction, group, changes, now, cancellationToken);
                changed.AddRange(changes);
            }

            if (changed.Count > 0)
            {
                await using var history = Command(
                    connection,
                    transaction,
                    """
                    INSERT INTO alert_history (alert_id, state, time, recorded_at)
                    SELECT value ->> 0, value ->> 1, value ->> 2, $now FROM json_each($rows)
                    """,
                    "$now", "$rows");
                Set(history, now, Rows(changed, (writer, entry) =>
                {
                    writer.WriteNumberValue(entry.Item1);
                    writer.WriteStringValue(entry.Item2.Status);
                    writer.WriteStringValue(SqliteDatabase.Timestamp(entry.Item2.EndsAt ?? entry.Item2.StartsAt));
                }));
                await history.ExecuteNonQueryAsync(cancellationToken);
            }

            if (repeats.Count > 0)
            {
                await using var touch = Command(
                    connection, transaction, "UPDATE alerts SET last_seen = $now WHERE id IN (SELECT value FROM json_each($ids))", "$now", "$ids");
                Set(touch, now, "[" + string.Join(',', repeats) + "]");
                await touch.ExecuteNonQueryAsync(cancellationToken);
                unchanged = repeats.Count;
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            database.WriteLock.Release();
        }

        return new AlertIngestResult(changed, unchanged);
    }

    public async Task<AcknowledgeOutcome> AcknowledgeAsync(long id, string by, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var find = Command(connection, transaction, "SELECT status, acknowledged_at FROM alerts WHERE id = $id", "$id");
            Set(find, id);
            string status;
            bool acknowledged;
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return AcknowledgeOutcome.NotFound;
                }

                status = reader.GetString(0);
                acknowledged = !reader.IsDBNull(1);
            }

            if (status == AlertState.Resolved)
            {
                return AcknowledgeOutcome.Resolved;
            }

            if (acknowledged)
            {
                return AcknowledgeOutcome.AlreadyAcknowledged;
            }

            var time = SqliteDatabase.Timestamp(at);
            await using var update = Command(
                connection, transaction, "UPDATE alerts SET acknowledged_at = $at, acknowledged_by = $by WHERE id = $id", "$at", "$by", "$id");
            Set(update, time, by, id);
            await update.ExecuteNonQueryAsync(cancellationToken);
            await using var history = Command(
                connection,
                transaction,
                "INSERT INTO alert_history (alert_id, state, time, recorded_at, actor, comment) VALUES ($id, 'acknowledged', $at, $at, $by, $comment)",
                "$id", "$at", "$by", "$comment");
            Set(history, id, time, by, comment);
            await history.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return AcknowledgeOutcome.Acknowledged;
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    /// <summary>Inserts new occurrences; returns their ids by (fingerprint, starts_at).</summary>
    private static async Task<Dictionary<(string, string), long>> InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, ReceivedGroup group, List<ReceivedAlert> alerts, string now, CancellationToken cancellationToken)
    {
        await using var insert = Command(
            connection,
            transaction,
            """
            INSERT INTO alerts (fingerprint, starts_at, status, ends_at, alertname, severity, namespace, labels_json, annotations_json,
                generator_url, group_key, receiver, first_seen, last_seen, changed_at)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value -> 4 ->> '$.alertname', value -> 4 ->> '$.severity',
                value -> 4 ->> '$.namespace', value -> 4, value -> 5, value ->> 6, $group, $receiver, $now, $now, $now
            FROM json_each($rows)
            RETURNING id, fingerprint, starts_at
            """,
            "$group", "$receiver", "$now", "$rows");
        Set(insert, group.GroupKey, group.Receiver, now, Rows(alerts, (writer, alert) =>
        {
            writer.WriteStringValue(alert.Fingerprint);
            writer.WriteStringValue(SqliteDatabase.Timestamp(alert.StartsAt));
            writer.WriteStringValue(alert.Status);
            WriteNullable(writer, alert.EndsAt is { } end ? SqliteDatabase.Timestamp(end) : null);
            WriteMap(writer, alert.Labels);
            WriteMap(writer, alert.Annotations);
            WriteNullable(writer, alert.GeneratorUrl);
        }));
        var ids = new Dictionary<(string, string), long>(alerts.Count);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            ids[(reader.GetString(1), reader.GetString(2))] = reader.GetInt64(0);
        }

        return ids;
    }

    /// <summary>Moves known occurrences to their new state; firing again clears the acknowledgement.</summary>
    private static async Task ChangeAsync(
        SqliteConnection connection, SqliteTransaction transaction, ReceivedGroup group, List<(long Id, ReceivedAlert Alert)> changes, string now, CancellationToken cancellationToken)
    {
        await using var change = Command(
            connection,
            transaction,
            """
            UPDATE alerts SET status = c.status, ends_at = c.ends_at, annotations_json = c.annotations, generator_url = c.generator,
                group_key = $group, receiver = $receiver, last_seen = $now, changed_at = $now,
                acknowledged_at = CASE WHEN c.status = 'firing' THEN NULL ELSE acknowledged_at END,
                acknowledged_by = CASE WHEN c.status = 'firing' THEN NULL ELSE acknowledged_by END
            FROM (SELECT value ->> 0 AS id, value ->> 1 AS status, value ->> 2 AS ends_at, value -> 3 AS annotations, value ->> 4 AS generator
                  FROM json_each($rows)) AS c
            WHERE alerts.id = c.id
            """,
            "$group", "$receiver", "$now", "$rows");
        Set(change, group.GroupKey, group.Receiver, now, Rows(changes, (writer, entry) =>
        {
            writer.WriteNumberValue(entry.Id);
            writer.WriteStringValue(entry.Alert.Status);
            WriteNullable(writer, entry.Alert.EndsAt is { } end ? SqliteDatabase.Timestamp(end) : null);
            WriteMap(writer, entry.Alert.Annotations);
            WriteNullable(writer, entry.Alert.GeneratorUrl);
        }));
        await change.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A JSON array with one array per item, written by <paramref name="write"/>.</summary>
    private static string Rows<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteStartArray();
                write(writer, item);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static async Task<Dictionary<(string Fingerprint, string StartsAt), (long Id, string Status)>> FindExistingAsync(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(string Fingerprint, string StartsAt)> keys, CancellationToken cancellationToken)
    {
        await using var find = Command(
            connection,
            transaction,
            """
            SELECT a.fingerprint, a.starts_at, a.id, a.status FROM json_each($keys) AS k
            JOIN alerts AS a ON a.fingerprint = k.value ->> 0 AND a.starts_at = k.value ->> 1
            """,
            "$keys");
        Set(find, Rows(keys, (writer, key) =>
        {
            writer.WriteStringValue(key.Fingerprint);
            writer.WriteStringValue(key.StartsAt);
        }));
        var existing = new Dictionary<(string, string), (long, string)>();
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            existing[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), reader.GetString(3));
        }

        return existing;
    }

    private static async Task UpsertGroupAsync(
        SqliteConnection connection, SqliteTransaction transaction, ReceivedGroup group, string now, CancellationToken cancellationToken)
    {
        await using var upsert = Command(
            connection,
            transaction,
            """
            INSERT INTO alert_groups (group_key, receiver, status, group_labels_json, common_labels_json, common_annotations_json,
                external_url, truncated_alerts, note, first_received, last_received)
            VALUES ($key, $receiver, $status, $groupLabels, $commonLabels, $commonAnnotations, $url, $truncated, $note, $now, $now)
            ON CONFLICT (group_key) DO UPDATE SET receiver = excluded.receiver, status = excluded.status,
                group_labels_json = excluded.group_labels_json, common_labels_json = excluded.common_labels_json,
                common_annotations_json = excluded.common_annotations_json, external_url = excluded.external_url,
                truncated_alerts = excluded.truncated_alerts, note = COALESCE(excluded.note, alert_groups.note),
                last_received = excluded.last_received
            """,
            "$key", "$receiver", "$status", "$groupLabels", "$commonLabels", "$commonAnnotations", "$url", "$truncated", "$note", "$now");
        var note = group.TruncatedAlerts > 0
            ? $"At {now} Alertmanager left {group.TruncatedAlerts} alert(s) of this group out of its payload (the webhook's max_alerts); they were not received."
            : null;
        Set(
            upsert, group.GroupKey, group.Receiver, group.Status, Json(group.GroupLabels), Json(group.CommonLabels), Json(group.CommonAnnotations),
            group.ExternalUrl, group.TruncatedAlerts, note, now);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static string Json(IReadOnlyDictionary<string, string> map) =>
        JsonSerializer.Serialize(map as Dictionary<string, string> ?? new Dictionary<string, string>(map), AlertsJsonContext.Default.DictionaryStringString);
}
