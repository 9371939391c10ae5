namespace Periscope.Functions.Store;

/// <summary>
/// Everything one report changes, applied in one transaction: the endpoint's heartbeat; when the report
/// brought a document not seen before, that document and the service's new operations; and when it
/// brought a traffic summary not applied before, that summary added to the service's traffic.
/// </summary>
internal sealed record ReportWrite(
    EndpointRecord Endpoint, DocumentRecord? NewDocument, IReadOnlyList<OperationRecord> Operations, TrafficWrite? Traffic = null);
