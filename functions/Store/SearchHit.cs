namespace Periscope.Functions.Store;

/// <summary>A search result: a service (no operation key) or one of its operations.</summary>
internal sealed record SearchHit(
    string Kind,
    ServiceKey Service,
    string? OperationKey,
    string? Method,
    string? PathTemplate,
    string? OperationId,
    string? Summary,
    string? Title,
    IReadOnlyList<string> Tags);
