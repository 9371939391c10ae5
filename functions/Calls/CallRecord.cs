namespace Periscope.Functions.Calls;

/// <summary>
/// One invocation through the gateway, as the gateway saw it. Bodies and headers arrive as captured
/// (already capped at <see cref="ICallRecorder.BodyCaptureLimit"/>); the recorder redacts them before
/// anything is stored.
/// </summary>
internal sealed record CallRecord
{
    /// <summary>When the call started.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The API key's id (never the key); null for other callers.</summary>
    public required string? KeyId { get; init; }

    public required string Namespace { get; init; }

    public required string AppId { get; init; }

    /// <summary>The catalog's operation key when the call matched a documented operation.</summary>
    public required string? OperationKey { get; init; }

    public required string Method { get; init; }

    /// <summary>The operation's path template when known, else the request path with its query removed.</summary>
    public required string PathTemplate { get; init; }

    /// <summary>The answer's status: the app's, or the gateway's own (401/403/404/413/429/502/503/504...).</summary>
    public required int Status { get; init; }

    public required TimeSpan Latency { get; init; }

    public required long RequestBytes { get; init; }

    public required long ResponseBytes { get; init; }

    /// <summary>The W3C trace id (32 hex digits) of the call.</summary>
    public required string? TraceId { get; init; }

    /// <summary>Why the gateway answered itself, when it did (for example "circuit-open", "timeout", "connect"); null when the app answered.</summary>
    public string? Error { get; init; }

    /// <summary>Request headers as forwarded (before redaction); null unless bodies are captured for the service.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? RequestHeaders { get; init; }

    /// <summary>The request body's first bytes (at most the capture limit); null unless captured.</summary>
    public ReadOnlyMemory<byte>? RequestBody { get; init; }

    /// <summary>The response body's first bytes (at most the capture limit); null unless captured.</summary>
    public ReadOnlyMemory<byte>? ResponseBody { get; init; }

    /// <summary>Whether a captured body was cut at the limit.</summary>
    public bool BodiesTruncated { get; init; }

    /// <summary>
    /// About how much memory the record holds while it waits to be written: a fixed part for the object and its
    /// fields, its strings (UTF-16), each captured header with its pair, and the captured bodies. The same record always
    /// counts the same, so the queue can give back exactly what it took.
    /// </summary>
    public long ApproximateBytes()
    {
        const int ObjectAndFields = 256;
        const int PerHeader = 64;
        long bytes = ObjectAndFields + (2L * (Namespace.Length + AppId.Length + Method.Length + PathTemplate.Length
            + (KeyId?.Length ?? 0) + (OperationKey?.Length ?? 0) + (TraceId?.Length ?? 0) + (Error?.Length ?? 0)));
        foreach (var (name, value) in RequestHeaders ?? [])
        {
            bytes += PerHeader + (2L * (name.Length + value.Length));
        }

        return bytes + (RequestBody?.Length ?? 0) + (ResponseBody?.Length ?? 0);
    }
}
