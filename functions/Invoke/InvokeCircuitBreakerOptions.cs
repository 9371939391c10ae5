namespace Periscope.Functions.Invoke;

/// <summary>
/// <c>Invoke:CircuitBreaker</c>, with Polly's meaning (pollydocs.org, "Circuit breaker resilience strategy").
/// A breaker counts, per target, connect failures to the sidecar, timeouts, connections broken before an
/// answer, and the sidecar's own 5xx error answers (Dapr's <c>{"errorCode","message"}</c>: no endpoints, app
/// unreachable). It does not count the app's own answers, whatever their status: an app that answers 500 is
/// reachable and its answer is the caller's to read, and a caller that sends bad input must not close the
/// target for everybody. While open, calls are answered 503 at once with <c>Retry-After</c>.
/// </summary>
internal sealed record InvokeCircuitBreakerOptions
{
    /// <summary><c>FailureRatio</c>: the share of failed calls in the sampling window that opens the breaker. Default 0.5.</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary><c>MinimumThroughput</c>: calls in the window before the ratio counts (at least 2). Default 10.</summary>
    public int MinimumThroughput { get; init; } = 10;

    /// <summary><c>SamplingDuration</c>: the window the ratio is measured over (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>BreakDuration</c>: how long the breaker stays open before one trial call (at least 0.5 s). Default 15 s.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
