using System.Collections.Concurrent;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// The catalog's service records as invocations need them: each cataloged service read from the store at
/// most once a second, so a busy target does not cost a store read per call (the gateway's hop is meant to
/// add well under a millisecond). Services not found are not remembered: a newly reported service is
/// callable at once, and a made-up name cannot fill memory.
/// </summary>
internal sealed class ServiceLookup(ICatalogStore store, TimeProvider time)
{
    /// <summary>How long a record is reused: a new document version is matched against at most this late.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<ServiceKey, (ServiceRecord Record, long ReadAt)> records = new();

    public async Task<ServiceRecord?> FindAsync(ServiceKey service, CancellationToken cancellationToken)
    {
        if (records.TryGetValue(service, out var cached) && time.GetElapsedTime(cached.ReadAt) < Freshness)
        {
            return cached.Record;
        }

        // The store blocks; the invoke function may be on a socket thread here (SocketThread).
        await SocketThread.Leave();
        var record = await store.GetServiceAsync(service, cancellationToken);
        if (record is null)
        {
            records.TryRemove(service, out _);
            return null;
        }

        records[service] = (record, time.GetTimestamp());
        return record;
    }
}
