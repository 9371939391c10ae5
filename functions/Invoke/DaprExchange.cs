namespace Periscope.Functions.Invoke;

/// <summary>One attempt's result, as the resilience pipeline sees it.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Response">The app's answer (headers read, body not yet) when <see cref="ExchangeKind.Answered"/>.</param>
/// <param name="BufferedBody">The answer's body when it was read to tell Dapr's errors from the app's; null when still to stream.</param>
/// <param name="DaprError">The sidecar's error when <see cref="ExchangeKind.DaprError"/>.</param>
/// <param name="Exception">The failure's cause, for logs and the problem's detail.</param>
/// <param name="RequestBytes">Request body bytes sent.</param>
/// <param name="Idempotent">Whether the method may be sent again (RFC 9110 §9.2.2).</param>
internal sealed record DaprExchange(
    ExchangeKind Kind,
    HttpResponseMessage? Response,
    byte[]? BufferedBody,
    DaprErrorBody? DaprError,
    Exception? Exception,
    long RequestBytes,
    bool Idempotent)
{
    /// <summary>
    /// Whether the circuit breaker counts this attempt as the target failing: the sidecar unreachable, no
    /// answer in time, a broken connection, or the sidecar's own 5xx error. Never the app's own answer.
    /// </summary>
    public bool CountsAgainstTarget => Kind is ExchangeKind.ConnectFailed or ExchangeKind.Timeout or ExchangeKind.UpstreamFailed
        || (Kind == ExchangeKind.DaprError && DaprError!.Status >= 500);

    /// <summary>Nothing reached the sidecar and the method is idempotent: another attempt cannot run anything twice.</summary>
    public bool Retryable => Kind == ExchangeKind.ConnectFailed && RequestBytes == 0 && Idempotent;
}
