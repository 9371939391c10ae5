namespace Periscope.Functions.Calls;

/// <summary>
/// One call in <c>GET /api/calls/{id}</c>: the summary's fields, and, when bodies are recorded for the service,
/// the request headers and both bodies, redacted; <c>bodyEncoding</c> says whether the bodies read as text
/// (<c>utf-8</c>) or <c>base64</c>.
/// </summary>
internal sealed record CallDetailView(
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
    string? Error,
    IReadOnlyList<CallHeader>? RequestHeaders,
    string? RequestBody,
    string? ResponseBody,
    bool BodiesTruncated,
    string? BodyEncoding)
{
    public static CallDetailView From(StoredCall call) => new(
        call.Id, call.Time, call.KeyId, call.Namespace, call.AppId, call.OperationKey, call.Method, call.PathTemplate,
        call.Status, call.LatencyMs, call.RequestBytes, call.ResponseBytes, call.TraceId, call.Error,
        call.RequestHeaders, call.RequestBody, call.ResponseBody, call.BodiesTruncated, call.BodyEncoding);
}
