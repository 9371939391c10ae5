namespace Periscope.Functions.Store;

/// <summary>
/// One version of a service's OpenAPI document: the raw text as the app served it, and what parsing made
/// of it (the OpenAPI 3.1 form, or only diagnostics when it failed).
/// </summary>
internal sealed record DocumentRecord(
    ServiceKey Service,
    string Hash,
    long Version,
    string ContentType,
    string? SourcePath,
    string RawContent,
    DocumentStatus Status,
    string? SourceVersion,
    string? Title,
    string? ApiVersion,
    string? Description,
    string? NormalizedJson,
    string DiagnosticsJson,
    DateTimeOffset ReceivedAt);
