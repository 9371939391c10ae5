using System.Text.Json;
using Microsoft.Data.Sqlite;
using Periscope.Functions.Alerts;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// Alerts in the embedded database (tables <c>alerts</c>, <c>alert_history</c>, <c>alert_groups</c>, migration 5).
/// Each payload is one transaction under the shared write lock, with a few prepared statements stepped once per
/// alert (bench/alerts/run.sh measures a 1,000-alert group).
/// </summary>
/// <remarks>
/// Binding a prepared statement per row measured faster than one set statement over a JSON array
/// (<c>json_each</c>): SQLite re-parses a row's JSON for every column it extracts (inserting 1,000 alerts: 16–21 ms
/// against 23–40 ms; resolving them: 9–12 ms against 12–26 ms).
/// Per alert of a payload:
/// 1. its occurrence is looked up by (fingerprint, startsAt);
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

            // 1. Through the (fingerprint, starts_at) unique index. An occurrence twice in one payload (Alertmanager
            // never does this) counts once, as its last copy says.
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

            // 2.–4.
            if (inserts.Count > 0)
            {
                var ids = await InsertAsync(connection, transaction, group, inserts, now, cancellationToken);
                changed.AddRange(inserts.Select((alert, i) => (ids[i], alert)));
            }

            if (changes.Count > 0)
            {
                await ChangeAsync(connection, transaction, group, changes, now, cancellationToken);
                changed.AddRange(changes);
            }

            if (changed.Count > 0)
            {
                await AddHistoryAsync(connection, transaction, changed, now, cancellationToken);
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

    /// <summary>Inserts new occurrences; returns their ids in the same order.</summary>
    private static async Task<List<long>> InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, ReceivedGroup group, List<ReceivedAlert> alerts, string now, CancellationToken cancellationToken)
    {
        await using var insert = Command(
            connection,
            transaction,
            """
            INSERT INTO alerts (fingerprint, starts_at, status, ends_at, alertname, severity, namespace, labels_json, annotations_json,
                generator_url, group_key, receiver, first_seen, last_seen, changed_at)
            VALUES ($fingerprint, $startsAt, $status, $endsAt, $alertname, $severity, $namespace, $labels, $annotations,
                $generator, $group, $receiver, $now, $now, $now)
            """,
            "$fingerprint", "$startsAt", "$status", "$endsAt", "$alertname", "$severity", "$namespace", "$labels", "$annotations",
            "$generator", "$group", "$receiver", "$now");
        var ids = new List<long>(alerts.Count);
        using var json = new LabelsJsonWriter();
        foreach (var alert in alerts)
        {
            Set(
                insert,
                alert.Fingerprint,
                SqliteDatabase.Timestamp(alert.StartsAt),
                alert.Status,
                alert.EndsAt is { } end ? SqliteDatabase.Timestamp(end) : null,
                alert.Labels.GetValueOrDefault("alertname"),
                alert.Labels.GetValueOrDefault("severity"),
                alert.Labels.GetValueOrDefault("namespace"),
                json.Write(alert.Labels),
                json.Write(alert.Annotations),
                alert.GeneratorUrl,
                group.GroupKey,
                group.Receiver,
                now);
            // Not RETURNING id: it doubled the insert's time (SQLite buffers returned rows in a temporary table).
            await insert.ExecuteNonQueryAsync(cancellationToken);
            ids.Add(SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle));
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
            UPDATE alerts SET status = $status, ends_at = $endsAt, annotations_json = $annotations, generator_url = $generator,
                group_key = $group, receiver = $receiver, last_seen = $now, changed_at = $now,
                acknowledged_at = CASE WHEN $status = 'firing' THEN NULL ELSE acknowledged_at END,
                acknowledged_by = CASE WHEN $status = 'firing' THEN NULL ELSE acknowledged_by END
            WHERE id = $id
            """,
            "$status", "$endsAt", "$annotations", "$generator", "$group", "$receiver", "$now", "$id");
        using var json = new LabelsJsonWriter();
        foreach (var (id, alert) in changes)
        {
            Set(
                change,
                alert.Status,
                alert.EndsAt is { } end ? SqliteDatabase.Timestamp(end) : null,
                json.Write(alert.Annotations),
                alert.GeneratorUrl,
                group.GroupKey,
                group.Receiver,
                now,
                id);
            await change.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>One history entry per changed occurrence: its new state at its own time (endsAt once resolved).</summary>
    private static async Task AddHistoryAsync(
        SqliteConnection connection, SqliteTransaction transaction, List<(long Id, ReceivedAlert Alert)> changed, string now, CancellationToken cancellationToken)
    {
        await using var history = Command(
            connection,
            transaction,
            "INSERT INTO alert_history (alert_id, state, time, recorded_at) VALUES ($id, $state, $time, $now)",
            "$id", "$state", "$time", "$now");
        foreach (var (id, alert) in changed)
        {
            Set(history, id, alert.Status, SqliteDatabase.Timestamp(alert.EndsAt ?? alert.StartsAt), now);
            await history.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<Dictionary<(string Fingerprint, string StartsAt), (long Id, string Status)>> FindExistingAsync(
        SqliteConnection connection, SqliteTransaction transaction, ICollection<(string Fingerprint, string StartsAt)> keys, CancellationToken cancellationToken)
    {
        await using var find = Command(
            connection, transaction, "SELECT id, status FROM alerts WHERE fingerprint = $fingerprint AND starts_at = $startsAt", "$fingerprint", "$startsAt");
        var existing = new Dictionary<(string, string), (long, string)>();
        foreach (var key in keys)
        {
            Set(find, key.Fingerprint, key.StartsAt);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (reader.Read())
            {
                existing[key] = (reader.GetInt64(0), reader.GetString(1));
            }
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
        using var json = new LabelsJsonWriter();
        Set(
            upsert, group.GroupKey, group.Receiver, group.Status, json.Write(group.GroupLabels), json.Write(group.CommonLabels), json.Write(group.CommonAnnotations),
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
}
