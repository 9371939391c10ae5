using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Periscope.Functions.Calls;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteCallStore
{
    private const string SummaryColumns = """
        id, time, key_id, namespace, app_id, operation_key, method, path_template, status, latency_ms,
        request_bytes, response_bytes, trace_id, error
        """;

    public async Task<Page<StoredCall>> ListAsync(CallQuery query, CancellationToken cancellationToken)
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

        Filter("namespace = $ns", "$ns", query.Namespace);
        Filter("app_id = $app", "$app", query.AppId);
        Filter("operation_key = $op", "$op", query.OperationKey);
        Filter("key_id = $key", "$key", query.KeyId);
        Filter("status = $status", "$status", query.Status);
        Filter("status >= $classLow AND status < $classLow + 100", "$classLow", query.StatusClass * 100);
        Filter("time >= $from", "$from", query.From is { } from ? SqliteDatabase.Timestamp(from) : null);
        Filter("time < $to", "$to", query.To is { } to ? SqliteDatabase.Timestamp(to) : null);
        if (query.Page.Continue is { } token)
        {
            var after = DecodePosition(token);
            where.Add("(time, id) < ($afterTime, $afterId)");
            command.Parameters.AddWithValue("$afterTime", SqliteDatabase.Timestamp(after.Time));
            command.Parameters.AddWithValue("$afterId", after.Id);
        }

        command.CommandText = $"""
            SELECT {SummaryColumns} FROM call_records
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY time DESC, id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", query.Page.Limit + 1);
        var items = new List<StoredCall>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadSummary(reader));
        }

        if (items.Count <= query.Page.Limit)
        {
            return new Page<StoredCall>(items, null);
        }

        items.RemoveAt(items.Count - 1);
        return new Page<StoredCall>(items, EncodePosition(new CallPosition(items[^1].Time, items[^1].Id)));
    }

    public async Task<StoredCall?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SummaryColumns}, request_headers_json, request_body, response_body, bodies_truncated, body_encoding
            FROM call_records WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return ReadSummary(reader) with
        {
            RequestHeaders = NullableString(reader, 14) is { } headers ? JsonSerializer.Deserialize<List<CallHeader>>(headers, HeadersJson) : null,
            RequestBody = NullableString(reader, 15),
            ResponseBody = NullableString(reader, 16),
            BodiesTruncated = reader.GetBoolean(17),
            BodyEncoding = NullableString(reader, 18),
        };
    }

    private static StoredCall ReadSummary(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Time = SqliteDatabase.ParseTimestamp(reader.GetString(1)),
        KeyId = NullableString(reader, 2),
        Namespace = reader.GetString(3),
        AppId = reader.GetString(4),
        OperationKey = NullableString(reader, 5),
        Method = reader.GetString(6),
        PathTemplate = reader.GetString(7),
        Status = reader.GetInt32(8),
        LatencyMs = reader.GetDouble(9),
        RequestBytes = reader.GetInt64(10),
        ResponseBytes = reader.GetInt64(11),
        TraceId = NullableString(reader, 12),
        Error = NullableString(reader, 13),
    };

    private static string EncodePosition(CallPosition position) =>
        ContinueToken.Encode(SqliteDatabase.Timestamp(position.Time), position.Id.ToString(CultureInfo.InvariantCulture));

    private static CallPosition DecodePosition(string token)
    {
        var parts = ContinueToken.Decode(token, 2);
        if (!DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new InvalidContinueTokenException();
        }

        return new CallPosition(time, id);
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
