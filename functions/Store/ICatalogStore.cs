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

    /// <summary>A document version of the service by hash, whether or not it is the current one.</summary>
    Task<DocumentRecord?> GetDocumentAsync(ServiceKey service, string hash, CancellationToken cancellationToken);

    Task<Page<OperationRecord>> ListOperationsAsync(ServiceKey service, PageRequest page, CancellationToken cancellationToken);

    Task<OperationRecord?> GetOperationAsync(string operationKey, CancellationToken cancellationToken);

    Task<Page<SearchHit>> SearchAsync(string text, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a report atomically: all of it or, after a crash or error mid-way, none of it. A new
    /// document becomes the service's current one and replaces its operations.
    /// </summary>
    /// <returns>The service's document version after the write; a new document gets the next number, assigned here.</returns>
    Task<long> ApplyAsync(ReportWrite write, CancellationToken cancellationToken);

    Task PingAsync(CancellationToken cancellationToken);
}
