using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Access;

/// <summary>
/// <c>Access:RateLimit</c> as a token bucket per caller (System.Threading.RateLimiting's partitioned
/// limiter, which drops idle partitions on its own): API keys by key id, everything without a valid key by
/// remote address. Sidecars are not limited: the report token is shared by every pod, and a limit on it
/// would throttle heartbeats, not a client. Behind a proxy the remote address is the proxy's.
/// </summary>
internal sealed class CallerRateLimiter : IAsyncDisposable, IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public CallerRateLimiter(IOptions<AccessOptions> options)
    {
        var settings = options.Value.RateLimit;
        if (!settings.Enabled)
        {
            return;
        }

        // TokensPerPeriod over one second: the bucket refills continuously at that rate, up to Burst;
        // no queue, so a request over the limit is answered 429 at once rather than held.
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => bucket));
    }

    /// <summary>Null when admitted; otherwise how long the caller should wait (RFC 9110 §10.2.3 Retry-After).</summary>
    public TimeSpan? TryAcquire(Caller caller, HttpContext context)
    {
        if (_limiter is null || Partition(caller, context) is not { } partition)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : TimeSpan.FromSeconds(1);
    }

    public ValueTask DisposeAsync() => _limiter?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => _limiter?.Dispose();

    private static string? Partition(Caller caller, HttpContext context) => caller.Kind switch
    {
        CallerKind.Sidecar => null,
        CallerKind.ApiKey => "key:" + caller.Id,
        _ => "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
    };
}
