namespace Periscope.Sidecar.Forwarding;

/// <summary>What happened to one forwarded request, for the caller's error answer and for traffic capture.</summary>
/// <param name="StatusCode">The destination's status, which the client got (in full, or cut off when <see cref="Error"/> is set); 0 when forwarding failed before anything reached the client, so the caller answers.</param>
/// <param name="Error">Why forwarding failed, or <see cref="ForwardError.None"/>.</param>
/// <param name="RequestBytes">Request body bytes read from the client.</param>
/// <param name="ResponseBytes">Response body bytes written to the client.</param>
/// <param name="Exception">The failure's cause, for logs and error messages; null on success.</param>
internal sealed record ForwardOutcome(int StatusCode, ForwardError Error, long RequestBytes, long ResponseBytes, Exception? Exception = null)
{
    /// <summary>True when nothing reached the destination, so another endpoint may be tried (idempotent methods only).</summary>
    public bool CanRetryElsewhere => Error == ForwardError.ConnectFailed && RequestBytes == 0;
}
