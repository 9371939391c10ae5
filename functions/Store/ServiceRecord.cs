namespace Periscope.Functions.Store;

/// <summary>A service as listed: its current document's headline facts and its endpoint counts.</summary>
internal sealed record ServiceRecord(
    ServiceKey Key,
    string? CurrentDocumentHash,
    long DocumentVersion,
    DocumentStatus DocumentStatus,
    string? Title,
    string? ApiVersion,
    int OperationCount,
    int EndpointCount,
    DateTimeOffset? LastHeartbeat,
    DateTimeOffset UpdatedAt);
