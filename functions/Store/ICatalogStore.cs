namespace Periscope.Functions.Store;

/// <summary>
/// Where the catalog keeps services, their documents, endpoints and operations. Narrow on purpose:
/// point reads by key, paged scans in key order, one transactional write per report, so that an Azure
/// Table storage backend (partition = service, row = endpoint/operation) fits the same shape.
/// </summary>
internal interface ICatalogStore
{
    Task<ServiceRecord?> GetServiceAsync(ServiceKey service, CancellationToken cancellationToken);

    Task<Page<ServiceRecord>> ListServicesAsync(ServiceQuery query, CancellationToken cancellationToken);

    Task<EndpointRecord?> GetEndpointAsync(ServiceKey service, string pod, string container, CancellationToken cancellationToken);

    Task<IReadOnlyList<EndpointRecord>> ListEndpointsAsync(ServiceKey service, CancellationToken cancellationToken);

    /// <summary>For each of <paramref name="pods"/> (namespace, pod) that a sidecar last reported from (its endpoints' heartbeats), its app-id.</summary>
    Task<IReadOnlyDictionary<(string Namespace, string Pod), string>> FindAppIdsByPodAsync(
        IReadOnlyCollection<(string Namespace, string Pod)> pods, CancellationToken cancellationToken);

    /// <summary>A document version of the service by hash, whether or not it is the current one.</summary>
    Task<DocumentRecord?> GetDocumentAsync(ServiceKey service, string hash, CancellationToken cancellationToken);

    Task<Page<OperationRecord>> ListOperationsAsync(ServiceKey service, PageRequest page, CancellationToken cancellationToken);

    Task<OperationRecord?> GetOperationAsync(string operationKey, CancellationToken cancellationToken);

    Task<Page<SearchHit>> SearchAsync(string text, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The service's traffic: every operation's totals, unattributed requests and the span seen; <see cref="ServiceTraffic.None"/> before any.</summary>
    Task<ServiceTraffic> GetServiceTrafficAsync(ServiceKey service, CancellationToken cancellationToken);

    /// <summary>The traffic totals of one method and path template of the service, as documented and as inferred (zero to two records).</summary>
    Task<IReadOnlyList<TrafficRecord>> GetOperationTrafficAsync(ServiceKey service, string method, string pathTemplate, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a report atomically: all of it or, after a crash or error mid-way, none of it. A new
    /// document becomes the service's current one and replaces its operations. A traffic summary is added
    /// to the service's totals unless its pod and instance already had one with the same or a later
    /// sequence applied; then it is skipped and the rest of the report still applies.
    /// </summary>
    /// <returns>The service's document version after the write; a new document gets the next number, assigned here.</returns>
    Task<long> ApplyAsync(ReportWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes endpoints whose last heartbeat is older than <paramref name="cutoff"/>, the traffic-summary sequence
    /// numbers of pods silent since then, and the document versions left without a reference, in one transaction.
    /// Services, their current documents and operations and their traffic totals are kept.
    /// </summary>
    Task<CatalogExpiry> ExpireAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task PingAsync(CancellationToken cancellationToken);
}
