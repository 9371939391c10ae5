using System.Text.Json;
using Microsoft.Data.Sqlite;
using Periscope.Functions.Calls;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>Call records in the embedded database (table <c>call_records</c>, migration 4): each batch one transaction.</summary>
internal sealed partial class SqliteCallStore(SqliteDatabase database) : ICallStore
{
    /// <summary>Headers as a JSON array of <c>{"name", "value"}</c>: names may repeat, and their order is kept.</summary>
    private static readonly JsonSerializerOptions HeadersJson = new(JsonSerializerDefaults.Web);

    private static readonly string[] InsertParameters =
    [
        "$time", "$key", "$ns", "$app", "$op", "$method", "$path", "$status", "$latency", "$requestBytes",
        "$responseBytes", "$trace", "$error", "$headers", "$requestBody", "$responseBody", "$truncated", "$encoding",
    ];

    public async Task InsertAsync(IReadOnlyList<StoredCall> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO call_records (time, key_id, namespace, app_id, operation_key, method, path_template, status,
                    latency_ms, request_bytes, response_bytes, trace_id, error, request_headers_json, request_body,
                    response_body, bodies_truncated, body_encoding)
                VALUES ($time, $key, $ns, $app, $op, $method, $path, $status, $latency, $requestBytes, $responseBytes,
                    $trace, $error, $headers, $requestBody, $responseBody, $truncated, $encoding)
                """;
            var parameters = InsertParameters.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            insert.Prepare();
            foreach (var call in batch)
            {
                object?[] values =
                [
                    SqliteDatabase.Timestamp(call.Time), call.KeyId, call.Namespace, call.AppId, call.OperationKey, call.Method,
                    call.PathTemplate, call.Status, call.LatencyMs, call.RequestBytes, call.ResponseBytes, call.TraceId, call.Error,
                    call.RequestHeaders is null ? null : JsonSerializer.Serialize(call.RequestHeaders, HeadersJson),
                    call.RequestBody, call.ResponseBody, call.BodiesTruncated, call.BodyEncoding,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            database.WriteLock.Release();
        }
    }
}
