namespace Periscope.Functions.Store;

/// <summary>One sidecar's view of a service: the pod and container it runs beside and where it is reached.</summary>
internal sealed record EndpointRecord(
    ServiceKey Service,
    string Pod,
    string Container,
    string Address,
    int Port,
    string? DocumentHash,
    DateTimeOffset LastHeartbeat,
    string? SidecarVersion);
