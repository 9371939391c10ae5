namespace Periscope.Functions.Invoke;

/// <summary>
/// Configuration section <c>Invoke</c>: how the gateway reaches Dapr's service invocation API and how it
/// protects itself and the targets. Validated at start-up (<see cref="InvokeOptionsValidator"/>).
/// </summary>
internal sealed record InvokeOptions
{
    public const string Section = "Invoke";

    /// <summary>
    /// <c>Invoke:DaprHttpEndpoint</c>: the Dapr sidecar's HTTP API, the only address the gateway ever opens a
    /// socket to. Default: env <c>DAPR_HTTP_ENDPOINT</c>, else <c>http://127.0.0.1:{DAPR_HTTP_PORT or 3500}</c>,
    /// as Dapr's SDKs find their sidecar (docs.dapr.io, "Environment variable reference"). Must be an
    /// absolute <c>http</c>/<c>https</c> URL without path, query or credentials.
    /// </summary>
    public string? DaprHttpEndpoint { get; set; }

    /// <summary>
    /// <c>Invoke:DaprApiToken</c>: sent as <c>dapr-api-token</c> on every call when set (docs.dapr.io, "Enable API
    /// token authentication in Dapr"). Default: env <c>DAPR_API_TOKEN</c>, else none.
    /// </summary>
    public string? DaprApiToken { get; set; }

    /// <summary>
    /// <c>Invoke:Timeout</c>: how long the target may take to start answering (its response headers), restarted
    /// while a request body uploads. Default 30 s; capped just below host.json's <c>functionTimeout</c>, so the
    /// caller gets the gateway's 504 rather than the host's 503.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>Invoke:MaxRequestBodyBytes</c>: the largest request body forwarded; larger ones are answered 413,
    /// from <c>Content-Length</c> up front or while streaming. Default 10 MiB.
    /// </summary>
    public long MaxRequestBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>
    /// <c>Invoke:MaxRetries</c>: further attempts after a connect failure to the sidecar, for idempotent methods
    /// only (GET, HEAD, OPTIONS, PUT, DELETE: RFC 9110 §9.2.2); nothing was sent, so nothing runs twice. Default 2.
    /// </summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary><c>Invoke:RetryDelay</c>: the delay before the first retry, doubled for the next, with jitter. Default 100 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>Invoke:CircuitBreaker</c>: one breaker per target namespace/app-id.</summary>
    public InvokeCircuitBreakerOptions CircuitBreaker { get; init; } = new();
}
