namespace Periscope.Functions.Calls;

/// <summary>One call in <c>GET /api/calls</c>: what was called, by which key, and how it went; no headers or bodies.</summary>
internal sealed record CallSummaryView(
    long Id,
    DateTimeOffset Time,
    string? KeyId,
    string Namespace,
    string AppId,
    string? OperationKey,
    string Method,
    string PathTemplate,
    int Status,
    double LatencyMs,
    long RequestBytes,
    long ResponseBytes,
    string? TraceId,
    string? Error)
{
    public static CallSummaryView From(StoredCall call) => new(
        call.Id, call.Time, call.KeyId, call.Namespace, call.AppId, call.OperationKey, call.Method, call.PathTemplate,
        call.Status, call.LatencyMs, call.RequestBytes, call.ResponseBytes, call.TraceId, call.Error);
}
