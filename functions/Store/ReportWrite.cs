namespace Periscope.Functions.Store;

/// <summary>
/// Everything one report changes, applied in one transaction: the endpoint's heartbeat and, when the
/// report brought a document not seen before, that document and the service's new operations.
/// </summary>
internal sealed record ReportWrite(EndpointRecord Endpoint, DocumentRecord? NewDocument, IReadOnlyList<OperationRecord> Operations);
