using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteCatalogStore
{
    /// <summary>
    /// How long the last applied sequence of a sidecar instance is remembered after its last summary. A
    /// restarted sidecar is a new instance, so an instance silent this long will not resend.
    /// </summary>
    public static readonly TimeSpan TrafficSequenceRetention = TimeSpan.FromDays(7);

    private const string TrafficColumns = """
        method, path, inferred, requests_1xx, requests_2xx, requests_3xx, requests_4xx, requests_5xx, errors,
        latency_counts, latency_sum_seconds, request_bytes, response_bytes, first_seen, last_seen
        """;

    public async Task<ServiceTraffic> GetServiceTrafficAsync(ServiceKey service, CancellationToken cancellationToken)
    {
        await using var connection = Open();

        // A deferred (read) transaction, so the window and the rows come from one snapshot without taking
        // the write lock (sqlite.org/isolation.html, sqlite.org/lang_transaction.html).
        await using var snapshot = connection.BeginTransaction(deferred: true);
        await using var window = connection.CreateCommand();
        window.Transaction = snapshot;
        window.CommandText = "SELECT unattributed_requests, first_seen, last_seen FROM traffic_services WHERE namespace = $ns AND app_id = $app";
        AddKey(window, service);
        long unattributed;
        DateTimeOffset firstSeen, lastSeen;
        await using (var reader = await window.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return ServiceTraffic.None;
            }

            (unattributed, firstSeen, lastSeen) = (reader.GetInt64(0), ParseTimestamp(reader.GetString(1)), ParseTimestamp(reader.GetString(2)));
        }

        await using var operations = connection.CreateCommand();
        operations.Transaction = snapshot;
        operations.CommandText = $"SELECT {TrafficColumns} FROM traffic WHERE namespace = $ns AND app_id = $app ORDER BY path, method, inferred";
        AddKey(operations, service);
        return new ServiceTraffic(await ReadTrafficAsync(operations, cancellationToken), unattributed, firstSeen, lastSeen);
    }

    public async Task<IReadOnlyList<TrafficRecord>> GetOperationTrafficAsync(
        ServiceKey service, string method, string pathTemplate, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {TrafficColumns} FROM traffic
            WHERE namespace = $ns AND app_id = $app AND path = $path AND method = $method ORDER BY inferred
            """;
        AddKey(command, service);
        command.Parameters.AddWithValue("$path", pathTemplate);
        command.Parameters.AddWithValue("$method", method);
        return await ReadTrafficAsync(command, cancellationToken);
    }

    /// <remarks>
    /// (1) Skip the summary when its pod and instance already had this sequence or a later one applied —
    /// the sidecar resends a summary whose answer it lost — else record the sequence and forget the
    /// service's instances silent for <see cref="TrafficSequenceRetention"/>. (2) Add each operation's
    /// deltas to its row; a new row only while the service has fewer than
    /// <see cref="StoreOptions.MaxTrafficOperations"/>, else its requests count as unattributed. (3) Add the
    /// unattributed requests and widen the service's window.
    /// </remarks>
    private void ApplyTraffic(SqliteConnection connection, SqliteTransaction transaction, ServiceKey service, TrafficWrite traffic)
    {
        if (!RecordSequence(connection, transaction, service, traffic)) // 1
        {
            return;
        }

        using var count = Command(connection, transaction, "SELECT COUNT(*) FROM traffic WHERE namespace = $ns AND app_id = $app");
        AddKey(count, service);
        var rows = (long)count.ExecuteScalar()!;

        using var find = Command(connection, transaction, $"""
            SELECT {TrafficColumns} FROM traffic
            WHERE namespace = $ns AND app_id = $app AND path = $path AND method = $method AND inferred = $inferred
            """);
        using var save = Command(connection, transaction, """
            INSERT OR REPLACE INTO traffic (namespace, app_id, path, method, inferred, requests_1xx, requests_2xx, requests_3xx,
                requests_4xx, requests_5xx, errors, latency_counts, latency_sum_seconds, request_bytes, response_bytes, first_seen, last_seen)
            VALUES ($ns, $app, $path, $method, $inferred, $r1, $r2, $r3, $r4, $r5, $errors, $latency, $sum, $requestBytes, $responseBytes,
                $firstSeen, $lastSeen)
            """);
        AddKey(find, service);
        AddKey(save, service);
        var key = AddParameters(find, "$path", "$method", "$inferred");
        var values = AddParameters(
            save, "$path", "$method", "$inferred", "$r1", "$r2", "$r3", "$r4", "$r5", "$errors", "$latency", "$sum", "$requestBytes",
            "$responseBytes", "$firstSeen", "$lastSeen");
        var unattributed = traffic.UnattributedRequests;
        foreach (var delta in traffic.Operations) // 2
        {
            key["$path"].Value = delta.PathTemplate;
            key["$method"].Value = delta.Method;
            key["$inferred"].Value = delta.Inferred;
            TrafficTotals totals;
            using (var reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    totals = ReadTraffic(reader).Totals.Add(delta.Totals);
                }
                else if (rows < _maxTrafficOperations)
                {
                    totals = delta.Totals;
                    rows++;
                }
                else
                {
                    unattributed += delta.Totals.Calls;
                    continue;
                }
            }

            values["$path"].Value = delta.PathTemplate;
            values["$method"].Value = delta.Method;
            values["$inferred"].Value = delta.Inferred;
            for (var i = 0; i < TrafficTotals.StatusClassCount; i++)
            {
                values[$"$r{i + 1}"].Value = totals.ByStatusClass[i];
            }

            values["$errors"].Value = totals.Errors;
            values["$latency"].Value = JsonSerializer.Serialize(totals.LatencyCounts);
            values["$sum"].Value = totals.LatencySumSeconds;
            values["$requestBytes"].Value = totals.RequestBytes;
            values["$responseBytes"].Value = totals.ResponseBytes;
            values["$firstSeen"].Value = Timestamp(totals.FirstSeen);
            values["$lastSeen"].Value = Timestamp(totals.LastSeen);
            save.ExecuteNonQuery();
        }

        using var window = Command(connection, transaction, """
            INSERT INTO traffic_services (namespace, app_id, unattributed_requests, first_seen, last_seen)
            VALUES ($ns, $app, $unattributed, $from, $to)
            ON CONFLICT (namespace, app_id) DO UPDATE SET
                unattributed_requests = unattributed_requests + excluded.unattributed_requests,
                first_seen = MIN(first_seen, excluded.first_seen),
                last_seen = MAX(last_seen, excluded.last_seen)
            """); // 3
        AddKey(window, service);
        window.Parameters.AddWithValue("$unattributed", unattributed);
        window.Parameters.AddWithValue("$from", Timestamp(traffic.From));
        window.Parameters.AddWithValue("$to", Timestamp(traffic.To));
        window.ExecuteNonQuery();
    }

    /// <returns>False when the instance's summary of this sequence, or a later one, was applied before.</returns>
    private static bool RecordSequence(SqliteConnection connection, SqliteTransaction transaction, ServiceKey service, TrafficWrite traffic)
    {
        using var record = Command(connection, transaction, """
            INSERT INTO traffic_sequences (namespace, app_id, pod, instance, sequence, applied_at)
            VALUES ($ns, $app, $pod, $instance, $sequence, $now)
            ON CONFLICT (namespace, app_id, pod, instance) DO UPDATE SET sequence = excluded.sequence, applied_at = excluded.applied_at
            WHERE excluded.sequence > sequence
            """);
        AddKey(record, service);
        record.Parameters.AddWithValue("$pod", traffic.Pod);
        record.Parameters.AddWithValue("$instance", traffic.Instance);
        record.Parameters.AddWithValue("$sequence", traffic.Sequence);
        record.Parameters.AddWithValue("$now", Timestamp(traffic.ReceivedAt));
        if (record.ExecuteNonQuery() == 0)
        {
            return false;
        }

        using var forget = Command(connection, transaction, "DELETE FROM traffic_sequences WHERE namespace = $ns AND app_id = $app AND applied_at < $cutoff");
        AddKey(forget, service);
        forget.Parameters.AddWithValue("$cutoff", Timestamp(traffic.ReceivedAt - TrafficSequenceRetention));
        forget.ExecuteNonQuery();
        return true;
    }

    private static async Task<IReadOnlyList<TrafficRecord>> ReadTrafficAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var records = new List<TrafficRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(ReadTraffic(reader));
        }

        return records;
    }

    private static TrafficRecord ReadTraffic(SqliteDataReader reader) => new(
        Method: reader.GetString(0),
        PathTemplate: reader.GetString(1),
        Inferred: reader.GetBoolean(2),
        Totals: new TrafficTotals(
            ByStatusClass: [reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)],
            Errors: reader.GetInt64(8),
            LatencyCounts: JsonSerializer.Deserialize<long[]>(reader.GetString(9)) ?? [],
            LatencySumSeconds: reader.GetDouble(10),
            RequestBytes: reader.GetInt64(11),
            ResponseBytes: reader.GetInt64(12),
            FirstSeen: ParseTimestamp(reader.GetString(13)),
            LastSeen: ParseTimestamp(reader.GetString(14))));
}
