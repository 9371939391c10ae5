using System.Threading.RateLimiting;

namespace Periscope.Functions.Hosting;

/// <summary>
/// host.json's <c>maxConcurrentRequests</c> and <c>maxOutstandingRequests</c> as one
/// <see cref="ConcurrencyLimiter"/>: permits are the executing requests, its queue holds the rest of the
/// outstanding ones, and a request that finds the queue full is refused at once, never queued without end.
/// </summary>
/// <remarks>
/// Azure's meaning of -1 is kept: both -1 means no limiter at all; only outstanding bounded means that
/// many may execute and none wait; only concurrency bounded means any number may wait.
/// </remarks>
internal sealed class FunctionConcurrencyLimit : IDisposable
{
    public FunctionConcurrencyLimit(HostJsonOptions hostJson)
    {
        var concurrent = hostJson.MaxConcurrentRequests;
        var outstanding = hostJson.MaxOutstandingRequests;
        MaxOutstanding = outstanding;
        if (concurrent == HostJsonOptions.Unbounded && outstanding == HostJsonOptions.Unbounded)
        {
            return;
        }

        var permits = concurrent == HostJsonOptions.Unbounded ? outstanding : concurrent;
        Limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = outstanding == HostJsonOptions.Unbounded ? int.MaxValue : outstanding - permits,

            // Oldest first: requests run in arrival order, and one arriving at a full queue is refused
            // (newest first would instead evict the request that has waited longest).
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Null when both limits are -1.</summary>
    public ConcurrencyLimiter? Limiter { get; }

    public int MaxOutstanding { get; }

    public void Dispose() => Limiter?.Dispose();
}
