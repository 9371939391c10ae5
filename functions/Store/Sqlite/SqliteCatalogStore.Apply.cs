using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteCatalogStore
{
    /// <remarks>
    /// In one IMMEDIATE transaction: (1) make sure the service row and its search row exist; (2) upsert the
    /// endpoint; with a new document (3) store it under the next version number and make it current, (4) replace the
    /// service's operations and their search rows, (5) drop document versions nothing refers to any more;
    /// with a traffic summary (6) add it to the service's traffic unless it was applied before.
    /// </remarks>
    public Task<long> ApplyAsync(ReportWrite write, CancellationToken cancellationToken) => WriteAsync(
        (connection, transaction) =>
        {
            var service = write.Endpoint.Service;
            var serviceId = EnsureService(connection, transaction, service, write.Endpoint.LastHeartbeat); // 1
            UpsertEndpoint(connection, transaction, write.Endpoint); // 2
            var version = CurrentVersion(connection, transaction, serviceId);
            if (write.NewDocument is { } document)
            {
                version++;
                SaveDocument(connection, transaction, serviceId, document with { Version = version }, write.Operations.Count); // 3
                ReplaceOperations(connection, transaction, service, write.Operations); // 4
                PruneDocuments(connection, transaction, service); // 5
            }

            if (write.Traffic is { } traffic)
            {
                ApplyTraffic(connection, transaction, service, traffic); // 6
            }

            return version;
        },
        cancellationToken);

    private static long EnsureService(SqliteConnection connection, SqliteTransaction transaction, ServiceKey service, DateTimeOffset now)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO services (namespace, app_id, updated_at) VALUES ($ns, $app, $now)
            ON CONFLICT (namespace, app_id) DO NOTHING
            RETURNING id
            """);
        AddKey(command, service);
        command.Parameters.AddWithValue("$now", Timestamp(now));
        if (command.ExecuteScalar() is long created)
        {
            using var search = Command(connection, transaction, """
                INSERT INTO search (rowid, kind, namespace, app_id, op_key, method, path, operation_id, summary, tags, title)
                VALUES ($rowid, 'service', $ns, $app, NULL, '', '', '', '', '', '')
                """);
            search.Parameters.AddWithValue("$rowid", -created);
            AddKey(search, service);
            search.ExecuteNonQuery();
            using var pairs = PairsInsert(connection, transaction);
            InsertPairs(pairs, -created, ShortSubstrings.Of(service.Namespace, service.AppId));
            return created;
        }

        using var existing = Command(connection, transaction, "SELECT id FROM services WHERE namespace = $ns AND app_id = $app");
        AddKey(existing, service);
        return (long)existing.ExecuteScalar()!;
    }

    private static long CurrentVersion(SqliteConnection connection, SqliteTransaction transaction, long serviceId)
    {
        using var command = Command(connection, transaction, "SELECT document_version FROM services WHERE id = $id");
        command.Parameters.AddWithValue("$id", serviceId);
        return (long)command.ExecuteScalar()!;
    }

    private static void UpsertEndpoint(SqliteConnection connection, SqliteTransaction transaction, EndpointRecord endpoint)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO endpoints (namespace, app_id, pod, container, address, port, document_hash, last_heartbeat, sidecar_version)
            VALUES ($ns, $app, $pod, $container, $address, $port, $hash, $heartbeat, $version)
            ON CONFLICT (namespace, app_id, pod, container) DO UPDATE SET
                address = excluded.address, port = excluded.port, document_hash = excluded.document_hash,
                last_heartbeat = excluded.last_heartbeat, sidecar_version = excluded.sidecar_version
            """);
        AddKey(command, endpoint.Service);
        command.Parameters.AddWithValue("$pod", endpoint.Pod);
        command.Parameters.AddWithValue("$container", endpoint.Container);
        command.Parameters.AddWithValue("$address", endpoint.Address);
        command.Parameters.AddWithValue("$port", endpoint.Port);
        command.Parameters.AddWithValue("$hash", (object?)endpoint.DocumentHash ?? DBNull.Value);
        command.Parameters.AddWithValue("$heartbeat", Timestamp(endpoint.LastHeartbeat));
        command.Parameters.AddWithValue("$version", (object?)endpoint.SidecarVersion ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private static void SaveDocument(SqliteConnection connection, SqliteTransaction transaction, long serviceId, DocumentRecord document, int operationCount)
    {
        using var insert = Command(connection, transaction, """
            INSERT OR REPLACE INTO documents (namespace, app_id, hash, version, content_type, source_path, raw_content, status,
                source_version, title, api_version, description, normalized_json, diagnostics_json, received_at)
            VALUES ($ns, $app, $hash, $version, $contentType, $sourcePath, $raw, $status,
                $sourceVersion, $title, $apiVersion, $description, $normalized, $diagnostics, $receivedAt)
            """);
        AddKey(insert, document.Service);
        insert.Parameters.AddWithValue("$hash", document.Hash);
        insert.Parameters.AddWithValue("$version", document.Version);
        insert.Parameters.AddWithValue("$contentType", document.ContentType);
        insert.Parameters.AddWithValue("$sourcePath", (object?)document.SourcePath ?? DBNull.Value);
        insert.Parameters.AddWithValue("$raw", document.RawContent);
        insert.Parameters.AddWithValue("$status", document.Status.ToString());
        insert.Parameters.AddWithValue("$sourceVersion", (object?)document.SourceVersion ?? DBNull.Value);
        insert.Parameters.AddWithValue("$title", (object?)document.Title ?? DBNull.Value);
        insert.Parameters.AddWithValue("$apiVersion", (object?)document.ApiVersion ?? DBNull.Value);
        insert.Parameters.AddWithValue("$description", (object?)document.Description ?? DBNull.Value);
        insert.Parameters.AddWithValue("$normalized", (object?)document.NormalizedJson ?? DBNull.Value);
        insert.Parameters.AddWithValue("$diagnostics", document.DiagnosticsJson);
        insert.Parameters.AddWithValue("$receivedAt", Timestamp(document.ReceivedAt));
        insert.ExecuteNonQuery();

        using var update = Command(connection, transaction, """
            UPDATE services SET current_hash = $hash, document_version = $version, document_status = $status,
                title = $title, api_version = $apiVersion, operation_count = $count, updated_at = $receivedAt
            WHERE namespace = $ns AND app_id = $app
            """);
        AddKey(update, document.Service);
        update.Parameters.AddWithValue("$hash", document.Hash);
        update.Parameters.AddWithValue("$version", document.Version);
        update.Parameters.AddWithValue("$status", document.Status.ToString());
        update.Parameters.AddWithValue("$title", (object?)document.Title ?? DBNull.Value);
        update.Parameters.AddWithValue("$apiVersion", (object?)document.ApiVersion ?? DBNull.Value);
        update.Parameters.AddWithValue("$count", operationCount);
        update.Parameters.AddWithValue("$receivedAt", Timestamp(document.ReceivedAt));
        update.ExecuteNonQuery();

        using var search = Command(connection, transaction, """
            UPDATE search SET title = $title WHERE rowid = $rowid;
            DELETE FROM search_pairs WHERE rowid = $rowid;
            """);
        search.Parameters.AddWithValue("$title", document.Title ?? "");
        search.Parameters.AddWithValue("$rowid", -serviceId);
        search.ExecuteNonQuery();
        using var pairs = PairsInsert(connection, transaction);
        InsertPairs(pairs, -serviceId, ShortSubstrings.Of(document.Service.Namespace, document.Service.AppId, document.Title));
    }

    private static void ReplaceOperations(SqliteConnection connection, SqliteTransaction transaction, ServiceKey service, IReadOnlyList<OperationRecord> operations)
    {
        using (var delete = Command(connection, transaction, """
            DELETE FROM search WHERE rowid IN (SELECT id FROM operations WHERE namespace = $ns AND app_id = $app);
            DELETE FROM search_pairs WHERE rowid IN (SELECT id FROM operations WHERE namespace = $ns AND app_id = $app);
            DELETE FROM operations WHERE namespace = $ns AND app_id = $app;
            """))
        {
            AddKey(delete, service);
            delete.ExecuteNonQuery();
        }

        using var insert = Command(connection, transaction, """
            INSERT INTO operations (op_key, namespace, app_id, method, path, operation_id, summary, tags_json, deprecated, documented, view_json)
            VALUES ($key, $ns, $app, $method, $path, $operationId, $summary, $tags, $deprecated, $documented, $view)
            RETURNING id
            """);
        using var search = Command(connection, transaction, """
            INSERT INTO search (rowid, kind, namespace, app_id, op_key, method, path, operation_id, summary, tags, title)
            VALUES ($rowid, 'operation', $ns, $app, $key, $method, $path, $operationId, $summary, $tags, '')
            """);
        AddKey(insert, service);
        AddKey(search, service);
        var insertParameters = AddParameters(insert, "$key", "$method", "$path", "$operationId", "$summary", "$tags", "$deprecated", "$documented", "$view");
        var searchParameters = AddParameters(search, "$rowid", "$key", "$method", "$path", "$operationId", "$summary", "$tags");
        using var pairs = PairsInsert(connection, transaction);
        foreach (var operation in operations)
        {
            insertParameters["$key"].Value = operation.Key;
            insertParameters["$method"].Value = operation.Method;
            insertParameters["$path"].Value = operation.PathTemplate;
            insertParameters["$operationId"].Value = (object?)operation.OperationId ?? DBNull.Value;
            insertParameters["$summary"].Value = (object?)operation.Summary ?? DBNull.Value;
            insertParameters["$tags"].Value = JsonSerializer.Serialize(operation.Tags);
            insertParameters["$deprecated"].Value = operation.Deprecated;
            insertParameters["$documented"].Value = operation.Documented;
            insertParameters["$view"].Value = operation.LowCodeViewJson;
            var id = (long)insert.ExecuteScalar()!;

            searchParameters["$rowid"].Value = id;
            searchParameters["$key"].Value = operation.Key;
            searchParameters["$method"].Value = operation.Method;
            searchParameters["$path"].Value = operation.PathTemplate;
            searchParameters["$operationId"].Value = operation.OperationId ?? "";
            searchParameters["$summary"].Value = operation.Summary ?? "";
            searchParameters["$tags"].Value = string.Join('\n', operation.Tags);
            search.ExecuteNonQuery();
            InsertPairs(pairs, id, ShortSubstrings.Of(
                service.Namespace, service.AppId, operation.Method, operation.PathTemplate, operation.OperationId, operation.Summary, string.Join('\n', operation.Tags)));
        }
    }

    /// <summary>
    /// The statement that adds a search row's short substrings (<see cref="ShortSubstrings"/>) to <c>search_pairs</c>.
    /// They must come from every text column the row holds (namespace and app-id included), as migration 9's fill
    /// does: the search takes this index's candidates as the only rows that can match.
    /// </summary>
    private static SqliteCommand PairsInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = Command(connection, transaction, "INSERT INTO search_pairs (rowid, pairs) VALUES ($rowid, $pairs)");
        AddParameters(command, "$rowid", "$pairs");
        return command;
    }

    private static void InsertPairs(SqliteCommand insert, long rowid, string pairs)
    {
        if (pairs.Length == 0)
        {
            return;
        }

        insert.Parameters["$rowid"].Value = rowid;
        insert.Parameters["$pairs"].Value = pairs;
        insert.ExecuteNonQuery();
    }

    private static void PruneDocuments(SqliteConnection connection, SqliteTransaction transaction, ServiceKey service)
    {
        using var command = Command(connection, transaction, """
            DELETE FROM documents WHERE namespace = $ns AND app_id = $app
              AND hash <> (SELECT current_hash FROM services WHERE namespace = $ns AND app_id = $app)
              AND hash NOT IN (SELECT document_hash FROM endpoints
                               WHERE namespace = $ns AND app_id = $app AND document_hash IS NOT NULL)
            """);
        AddKey(command, service);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static Dictionary<string, SqliteParameter> AddParameters(SqliteCommand command, params string[] names) =>
        names.ToDictionary(name => name, name => command.Parameters.Add(new SqliteParameter(name, DBNull.Value)));
}
