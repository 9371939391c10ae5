namespace Periscope.Functions.Calls;

/// <summary>
/// A call record as stored: redacted, bodies as text. <see cref="Id"/> is 0 until stored; lists leave the
/// headers and bodies out (null).
/// </summary>
internal sealed record StoredCall
{
    public long Id { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string? KeyId { get; init; }

    public required string Namespace { get; init; }

    public required string AppId { get; init; }

    public required string? OperationKey { get; init; }

    public required string Method { get; init; }

    public required string PathTemplate { get; init; }

    public required int Status { get; init; }

    public required double LatencyMs { get; init; }

    public required long RequestBytes { get; init; }

    public required long ResponseBytes { get; init; }

    public required string? TraceId { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<CallHeader>? RequestHeaders { get; init; }

    public string? RequestBody { get; init; }

    public string? ResponseBody { get; init; }

    public bool BodiesTruncated { get; init; }

    /// <summary><see cref="CallBodyEncoding.Utf8"/> or <see cref="CallBodyEncoding.Base64"/> when a body is stored, else null.</summary>
    public string? BodyEncoding { get; init; }
}
