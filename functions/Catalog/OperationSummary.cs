using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>
/// One operation as a service's operation list shows it; its key opens the low-code view. <c>traffic</c>
/// is null when no sidecar has seen it called.
/// </summary>
internal sealed record OperationSummary(
    string OperationKey, string Method, string Path, string? OperationId, string? Summary, IReadOnlyList<string> Tags, bool Deprecated, bool Documented,
    TrafficView? Traffic)
{
    public static OperationSummary From(OperationRecord operation, TrafficIndex traffic) => new(
        operation.Key, operation.Method, operation.PathTemplate, operation.OperationId, operation.Summary,
        operation.Tags, operation.Deprecated, operation.Documented, TrafficView.From(traffic.Find(operation.Method, operation.PathTemplate)));
}
