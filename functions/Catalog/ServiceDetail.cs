namespace Periscope.Functions.Catalog;

/// <summary><c>GET /api/services/{namespace}/{appId}</c>: the service, its containers, endpoints and document.</summary>
internal sealed record ServiceDetail(
    ServiceSummary Service, IReadOnlyList<ContainerView> Containers, IReadOnlyList<EndpointView> Endpoints, DocumentView? Document);
