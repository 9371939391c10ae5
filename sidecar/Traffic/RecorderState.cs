namespace Periscope.Sidecar.Traffic;

/// <summary>
/// What a request is matched against: the document's table and the statistics of its operations by
/// <see cref="DocumentedOperation.Index"/>. Replaced whole when the document changes, so a request sees
/// one document, never half of two.
/// </summary>
internal sealed record RecorderState(OperationTable Table, OperationStats[] Stats);
