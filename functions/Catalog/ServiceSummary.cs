using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>A service as <c>GET /api/services</c> lists it.</summary>
internal sealed record ServiceSummary(
    string Namespace,
    string AppId,
    string? Title,
    string? ApiVersion,
    long DocumentVersion,
    string DocumentStatus,
    int OperationCount,
    int EndpointCount,
    DateTimeOffset? LastHeartbeat,
    DateTimeOffset UpdatedAt)
{
    public static ServiceSummary From(ServiceRecord service) => new(
        service.Key.Namespace, service.Key.AppId, service.Title, service.ApiVersion, service.DocumentVersion,
        StatusName(service.DocumentStatus), service.OperationCount, service.EndpointCount, service.LastHeartbeat, service.UpdatedAt);

    public static string StatusName(DocumentStatus status) => status.ToString().ToLowerInvariant();
}
