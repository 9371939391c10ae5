using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Access;

/// <summary>
/// Keys read from the store, trusted for <see cref="AccessOptions.KeyCacheTtl"/> so that a request does not
/// read the store each time. Only keys that exist are kept, so the cache is bounded by the key table;
/// verifying the secret against the cached hash still happens on every request.
/// </summary>
internal sealed class KeyCache(IKeyStore store, IOptions<AccessOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _ttl = options.Value.KeyCacheTtl;

    public async ValueTask<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_entries.TryGetValue(id, out var cached) && clock.GetElapsedTime(cached.ReadAt, now) < _ttl)
        {
            return cached.Key;
        }

        // The store blocks; the invoke function may be on a socket thread here (SocketThread).
        await SocketThread.Leave();
        var key = await store.FindAsync(id, cancellationToken);
        if (key is null)
        {
            _entries.TryRemove(id, out _);
        }
        else if (_ttl > TimeSpan.Zero)
        {
            _entries[id] = new Entry(key, now);
        }

        return key;
    }

    /// <summary>Forgets a key at once (it was revoked here), so its next use reads the store.</summary>
    public void Evict(string id) => _entries.TryRemove(id, out _);

    private sealed record Entry(ApiKeyRecord Key, long ReadAt);
}
