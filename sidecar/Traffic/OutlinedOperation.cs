namespace Periscope.Sidecar.Traffic;

/// <summary>One operation as a document reader found it.</summary>
/// <param name="Method">Upper-case.</param>
/// <param name="PathTemplate">The <c>paths</c> key as written.</param>
/// <param name="OperationId">Null when the operation has none.</param>
internal readonly record struct OutlinedOperation(string Method, string PathTemplate, string? OperationId);
