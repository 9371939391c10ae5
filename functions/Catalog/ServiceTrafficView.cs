namespace Periscope.Functions.Catalog;

/// <summary>
/// <c>GET /api/services/{namespace}/{appId}/traffic</c>: documented operations that were called, inferred
/// ones (traffic the document does not describe), unused ones (documented, never called), and the requests
/// sidecars could not attribute to any operation.
/// </summary>
internal sealed record ServiceTrafficView(
    string Namespace,
    string AppId,
    TrafficWindow? Window,
    IReadOnlyList<OperationSummary> Documented,
    IReadOnlyList<InferredOperationView> Inferred,
    IReadOnlyList<OperationSummary> Unused,
    long UnattributedRequests);
