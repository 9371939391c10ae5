namespace Periscope.Sidecar.Traffic;

/// <summary>An operation and how often it was called since the sidecar started, for the sidecar's metadata.</summary>
/// <param name="Method">Upper-case, or <c>OTHER</c>.</param>
/// <param name="PathTemplate">The document's <c>paths</c> key, or the inferred template.</param>
/// <param name="OperationId">The document's operationId; null for an inferred operation.</param>
/// <param name="Inferred">True when the document does not describe it.</param>
/// <param name="Requests">Requests since the sidecar started.</param>
internal sealed record OperationUsage(string Method, string PathTemplate, string? OperationId, bool Inferred, long Requests);
