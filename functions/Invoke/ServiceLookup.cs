using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>The catalog's service records as invocations need them: each read from the store at most once a second (<see cref="FreshCache{TKey, TValue}"/>).</summary>
internal sealed class ServiceLookup(ICatalogStore store, TimeProvider time)
{
    /// <summary>How long a record is reused: a new document version is matched against at most this late.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    /// <summary>Well above the catalog's 10,000 services (ARCHITECTURE.md), so it starts over only when something is wrong.</summary>
    private const int Capacity = 100_000;

    private readonly FreshCache<ServiceKey, ServiceRecord> records = new(time, Freshness, Capacity);

    public Task<ServiceRecord?> FindAsync(ServiceKey service, CancellationToken cancellationToken) =>
        records.GetAsync(service, store.GetServiceAsync, cancellationToken);
}
