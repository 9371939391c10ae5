namespace Periscope.Functions.Invoke;

/// <summary>What one forwarded call came to, for its metrics and call record.</summary>
/// <param name="Status">The status the caller got (499 when the caller went away first).</param>
/// <param name="Error">Why the gateway answered itself (<see cref="InvokeErrors"/>); null when the app answered.</param>
/// <param name="RequestBytes">Request body bytes sent on.</param>
/// <param name="ResponseBytes">Response body bytes written to the caller.</param>
internal sealed record ForwardResult(int Status, string? Error, long RequestBytes, long ResponseBytes);
