using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Periscope.Functions.Alerts;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteAlertStore
{
    private const string Columns = """
        id, fingerprint, status, labels_json, annotations_json, starts_at, ends_at, generator_url, group_key, receiver,
        first_seen, last_seen, changed_at, acknowledged_at, acknowledged_by
        """;

    public async Task<Page<StoredAlert>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        void Filter(string condition, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(condition);
                command.Parameters.AddWithValue(name, value);
            }
        }

        where.AddRange(query.State switch
        {
            AlertListState.Active => ["status = 'firing'"],
            AlertListState.Firing => ["status = 'firing'", "acknowledged_at IS NULL"],
            AlertListState.Acknowledged => ["status = 'firing'", "acknowledged_at IS NOT NULL"],
            AlertListState.Resolved => ["status = 'resolved'"],
            _ => [],
        });
        Filter("namespace = $ns", "$ns", query.Namespace);
        Filter("severity = $severity", "$severity", query.Severity);
        Filter("alertname = $name", "$name", query.AlertName);
        Filter("starts_at >= $since", "$since", query.Since is { } since ? SqliteDatabase.Timestamp(since) : null);
        Filter("starts_at < $until", "$until", query.Until is { } until ? SqliteDatabase.Timestamp(until) : null);
        for (var i = 0; i < query.Labels.Count; i++)
        {
            // Names are Prometheus label names ([a-zA-Z_][a-zA-Z0-9_]*), checked by AlertFilters, so quoting them
            // into a JSON path cannot break out of it (sqlite.org/json1.html#path_arguments).
            Filter($"json_extract(labels_json, $path{i}) = $value{i}", $"$value{i}", query.Labels[i].Value);
            command.Parameters.AddWithValue($"$path{i}", $"$.\"{query.Labels[i].Key}\"");
        }

        if (query.Page.Continue is { } token)
        {
            var parts = ContinueToken.Decode(token, 2);
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var afterId))
            {
                throw new InvalidContinueTokenException();
            }

            where.Add("(starts_at, id) < ($afterStart, $afterId)");
            command.Parameters.AddWithValue("$afterStart", parts[0]);
            command.Parameters.AddWithValue("$afterId", afterId);
        }

        command.CommandText = $"""
            SELECT {Columns} FROM alerts
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY starts_at DESC, id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", query.Page.Limit + 1);
        var items = new List<StoredAlert>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        if (items.Count <= query.Page.Limit)
        {
            return new Page<StoredAlert>(items, null);
        }

        items.RemoveAt(items.Count - 1);
        var last = items[^1];
        return new Page<StoredAlert>(
            items, ContinueToken.Encode(SqliteDatabase.Timestamp(last.StartsAt), last.Id.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task<StoredAlert?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM alerts WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<AlertHistoryEntry>> GetHistoryAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, state, time, recorded_at, actor, comment FROM alert_history WHERE alert_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", id);
        var entries = new List<AlertHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AlertHistoryEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                SqliteDatabase.ParseTimestamp(reader.GetString(2)),
                SqliteDatabase.ParseTimestamp(reader.GetString(3)),
                NullableString(reader, 4),
                NullableString(reader, 5)));
        }

        return entries;
    }

    public async Task<AlertGroupRecord?> GetGroupAsync(string groupKey, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT group_key, receiver, status, group_labels_json, external_url, truncated_alerts, note, last_received
            FROM alert_groups WHERE group_key = $key
            """;
        command.Parameters.AddWithValue("$key", groupKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new AlertGroupRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            Map(reader.GetString(3)),
            NullableString(reader, 4),
            reader.GetInt32(5),
            NullableString(reader, 6),
            SqliteDatabase.ParseTimestamp(reader.GetString(7)));
    }

    private static StoredAlert Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Fingerprint = reader.GetString(1),
        Status = reader.GetString(2),
        Labels = Map(reader.GetString(3)),
        Annotations = Map(reader.GetString(4)),
        StartsAt = SqliteDatabase.ParseTimestamp(reader.GetString(5)),
        EndsAt = NullableString(reader, 6) is { } ends ? SqliteDatabase.ParseTimestamp(ends) : null,
        GeneratorUrl = NullableString(reader, 7),
        GroupKey = reader.GetString(8),
        Receiver = reader.GetString(9),
        FirstSeen = SqliteDatabase.ParseTimestamp(reader.GetString(10)),
        LastSeen = SqliteDatabase.ParseTimestamp(reader.GetString(11)),
        ChangedAt = SqliteDatabase.ParseTimestamp(reader.GetString(12)),
        AcknowledgedAt = NullableString(reader, 13) is { } at ? SqliteDatabase.ParseTimestamp(at) : null,
        AcknowledgedBy = NullableString(reader, 14),
    };

    private static Dictionary<string, string> Map(string json) =>
        JsonSerializer.Deserialize(json, AlertsJsonContext.Default.DictionaryStringString) ?? [];

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
