using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteCatalogStore
{
    private const string ServiceColumns = """
        s.namespace, s.app_id, s.current_hash, s.document_version, s.document_status, s.title, s.api_version,
        s.operation_count, s.updated_at,
        (SELECT COUNT(*) FROM endpoints e WHERE e.namespace = s.namespace AND e.app_id = s.app_id),
        (SELECT MAX(last_heartbeat) FROM endpoints e WHERE e.namespace = s.namespace AND e.app_id = s.app_id)
        """;

    private const string OperationColumns = """
        op_key, namespace, app_id, method, path, operation_id, summary, tags_json, deprecated, documented, view_json
        """;

    public async Task<IReadOnlyDictionary<(string Namespace, string Pod), string>> FindAppIdsByPodAsync(
        IReadOnlyCollection<(string Namespace, string Pod)> pods, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), string>();
        if (pods.Count == 0)
        {
            return found;
        }

        var keys = new System.Text.Json.Nodes.JsonArray();
        foreach (var (@namespace, pod) in pods)
        {
            keys.Add(new System.Text.Json.Nodes.JsonArray(@namespace, pod));
        }

        await using var connection = database.Open();
        await using var command = connection.CreateCommand();

        // endpoints' key starts with namespace, so each pair is a seek into its namespace, not a table scan.
        command.CommandText = """
            SELECT e.namespace, e.pod, MIN(e.app_id) FROM json_each($keys) AS k
            JOIN endpoints AS e ON e.namespace = json_extract(k.value, '$[0]') AND e.pod = json_extract(k.value, '$[1]')
            GROUP BY e.namespace, e.pod
            """;
        command.Parameters.AddWithValue("$keys", keys.ToJsonString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return found;
    }

    public async Task<ServiceRecord?> GetServiceAsync(ServiceKey service, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ServiceColumns} FROM services s WHERE s.namespace = $ns AND s.app_id = $app";
        AddKey(command, service);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadService(reader) : null;
    }

    public async Task<Page<ServiceRecord>> ListServicesAsync(ServiceQuery query, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.Namespace is not null)
        {
            where.Add("s.namespace = $ns");
            command.Parameters.AddWithValue("$ns", query.Namespace);
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            where.Add("(s.app_id LIKE $text ESCAPE '\\' OR s.title LIKE $text ESCAPE '\\' OR s.namespace LIKE $text ESCAPE '\\')");
            command.Parameters.AddWithValue("$text", "%" + EscapeLike(query.Text) + "%");
        }

        if (query.Page.Continue is { } token)
        {
            var after = ContinueToken.Decode(token, 2);
            where.Add("(s.namespace, s.app_id) > ($afterNs, $afterApp)");
            command.Parameters.AddWithValue("$afterNs", after[0]);
            command.Parameters.AddWithValue("$afterApp", after[1]);
        }

        command.CommandText = $"""
            SELECT {ServiceColumns} FROM services s
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY s.namespace, s.app_id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", query.Page.Limit + 1);

        var items = new List<ServiceRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadService(reader));
        }

        return Paginate(items, query.Page.Limit, last => ContinueToken.Encode(last.Key.Namespace, last.Key.AppId));
    }

    public async Task<EndpointRecord?> GetEndpointAsync(ServiceKey service, string pod, string container, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT pod, container, address, port, document_hash, last_heartbeat, sidecar_version FROM endpoints
            WHERE namespace = $ns AND app_id = $app AND pod = $pod AND container = $container
            """;
        AddKey(command, service);
        command.Parameters.AddWithValue("$pod", pod);
        command.Parameters.AddWithValue("$container", container);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadEndpoint(reader, service) : null;
    }

    public async Task<IReadOnlyList<EndpointRecord>> ListEndpointsAsync(ServiceKey service, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT pod, container, address, port, document_hash, last_heartbeat, sidecar_version FROM endpoints
            WHERE namespace = $ns AND app_id = $app ORDER BY pod, container
            """;
        AddKey(command, service);
        var endpoints = new List<EndpointRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(ReadEndpoint(reader, service));
        }

        return endpoints;
    }

    public async Task<DocumentRecord?> GetDocumentAsync(ServiceKey service, string hash, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT hash, version, content_type, source_path, raw_content, status, source_version, title, api_version,
                   description, normalized_json, diagnostics_json, received_at
            FROM documents WHERE namespace = $ns AND app_id = $app AND hash = $hash
            """;
        AddKey(command, service);
        command.Parameters.AddWithValue("$hash", hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DocumentRecord(
            service,
            Hash: reader.GetString(0),
            Version: reader.GetInt64(1),
            ContentType: reader.GetString(2),
            SourcePath: NullableString(reader, 3),
            RawContent: reader.GetString(4),
            Status: Enum.Parse<DocumentStatus>(reader.GetString(5)),
            SourceVersion: NullableString(reader, 6),
            Title: NullableString(reader, 7),
            ApiVersion: NullableString(reader, 8),
            Description: NullableString(reader, 9),
            NormalizedJson: NullableString(reader, 10),
            DiagnosticsJson: reader.GetString(11),
            ReceivedAt: ParseTimestamp(reader.GetString(12)));
    }

    public async Task<Page<OperationRecord>> ListOperationsAsync(ServiceKey service, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var after = "";
        if (page.Continue is { } token)
        {
            var last = ContinueToken.Decode(token, 2);
            after = "AND (path, method) > ($afterPath, $afterMethod)";
            command.Parameters.AddWithValue("$afterPath", last[0]);
            command.Parameters.AddWithValue("$afterMethod", last[1]);
        }

        command.CommandText = $"""
            SELECT {OperationColumns} FROM operations
            WHERE namespace = $ns AND app_id = $app {after}
            ORDER BY path, method LIMIT $limit
            """;
        AddKey(command, service);
        command.Parameters.AddWithValue("$limit", page.Limit + 1);
        var items = new List<OperationRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadOperation(reader));
        }

        return Paginate(items, page.Limit, last => ContinueToken.Encode(last.PathTemplate, last.Method));
    }

    public async Task<OperationRecord?> GetOperationAsync(string operationKey, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {OperationColumns} FROM operations WHERE op_key = $key";
        command.Parameters.AddWithValue("$key", operationKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadOperation(reader) : null;
    }

    private static Page<T> Paginate<T>(List<T> items, int limit, Func<T, string> tokenOf)
    {
        if (items.Count <= limit)
        {
            return new Page<T>(items, null);
        }

        items.RemoveAt(items.Count - 1);
        return new Page<T>(items, tokenOf(items[^1]));
    }

    private static void AddKey(SqliteCommand command, ServiceKey service)
    {
        command.Parameters.AddWithValue("$ns", service.Namespace);
        command.Parameters.AddWithValue("$app", service.AppId);
    }

    private static ServiceRecord ReadService(SqliteDataReader reader) => new(
        new ServiceKey(reader.GetString(0), reader.GetString(1)),
        CurrentDocumentHash: NullableString(reader, 2),
        DocumentVersion: reader.GetInt64(3),
        DocumentStatus: Enum.Parse<DocumentStatus>(reader.GetString(4)),
        Title: NullableString(reader, 5),
        ApiVersion: NullableString(reader, 6),
        OperationCount: reader.GetInt32(7),
        UpdatedAt: ParseTimestamp(reader.GetString(8)),
        EndpointCount: reader.GetInt32(9),
        LastHeartbeat: reader.IsDBNull(10) ? null : ParseTimestamp(reader.GetString(10)));

    private static EndpointRecord ReadEndpoint(SqliteDataReader reader, ServiceKey service) => new(
        service,
        Pod: reader.GetString(0),
        Container: reader.GetString(1),
        Address: reader.GetString(2),
        Port: reader.GetInt32(3),
        DocumentHash: NullableString(reader, 4),
        LastHeartbeat: ParseTimestamp(reader.GetString(5)),
        SidecarVersion: NullableString(reader, 6));

    private static OperationRecord ReadOperation(SqliteDataReader reader) => new(
        Key: reader.GetString(0),
        Service: new ServiceKey(reader.GetString(1), reader.GetString(2)),
        Method: reader.GetString(3),
        PathTemplate: reader.GetString(4),
        OperationId: NullableString(reader, 5),
        Summary: NullableString(reader, 6),
        Tags: JsonSerializer.Deserialize<string[]>(reader.GetString(7)) ?? [],
        Deprecated: reader.GetBoolean(8),
        Documented: reader.GetBoolean(9),
        LowCodeViewJson: reader.GetString(10));

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
