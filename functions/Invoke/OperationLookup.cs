using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Operation records by key as the low-code invoke function needs them: each read from the store at most once a second
/// (<see cref="FreshCache{TKey, TValue}"/>), like <see cref="ServiceLookup"/>'s services.
/// </summary>
internal sealed class OperationLookup(ICatalogStore store, TimeProvider time)
{
    /// <summary>Records carry their low-code views (JSON Schemas, often kilobytes): the operations in use, not the catalog's 200,000.</summary>
    private const int Capacity = 10_000;

    private readonly FreshCache<string, OperationRecord> records = new(time, ServiceLookup.Freshness, Capacity);

    public Task<OperationRecord?> FindAsync(string operationKey, CancellationToken cancellationToken) =>
        records.GetAsync(operationKey, store.GetOperationAsync, cancellationToken);
}
