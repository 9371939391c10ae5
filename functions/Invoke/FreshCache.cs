using System.Collections.Concurrent;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Store records as invocations need them: each read from the store at most once per <c>freshness</c>, so a busy
/// target does not cost a store read per call (the gateway's hop is meant to add well under a millisecond). Misses
/// are not remembered: a newly reported record is found at once, and made-up keys cannot fill memory; past
/// <c>capacity</c> records the cache starts over.
/// </summary>
internal sealed class FreshCache<TKey, TValue>(TimeProvider time, TimeSpan freshness, int capacity)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long ReadAt)> entries = new();

    public int Count => entries.Count;

    /// <summary>The cached record while fresh, else what <paramref name="read"/> gets from the store (null: none).</summary>
    public async Task<TValue?> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue?>> read, CancellationToken cancellationToken)
    {
        if (entries.TryGetValue(key, out var cached) && time.GetElapsedTime(cached.ReadAt) < freshness)
        {
            return cached.Value;
        }

        // The store blocks; the invoke function may be on a socket thread here (SocketThread).
        await SocketThread.Leave();
        var value = await read(key, cancellationToken);
        if (value is null)
        {
            entries.TryRemove(key, out _);
            return null;
        }

        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[key] = (value, time.GetTimestamp());
        return value;
    }
}
