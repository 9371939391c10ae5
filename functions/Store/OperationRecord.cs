namespace Periscope.Functions.Store;

/// <summary>One operation of a service's current document, with its precomputed low-code view.</summary>
internal sealed record OperationRecord(
    string Key,
    ServiceKey Service,
    string Method,
    string PathTemplate,
    string? OperationId,
    string? Summary,
    IReadOnlyList<string> Tags,
    bool Deprecated,
    bool Documented,
    string LowCodeViewJson);
