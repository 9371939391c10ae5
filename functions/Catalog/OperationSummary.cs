using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>One operation as a service's operation list shows it; its key opens the low-code view.</summary>
internal sealed record OperationSummary(
    string OperationKey, string Method, string Path, string? OperationId, string? Summary, IReadOnlyList<string> Tags, bool Deprecated, bool Documented)
{
    public static OperationSummary From(OperationRecord operation) => new(
        operation.Key, operation.Method, operation.PathTemplate, operation.OperationId, operation.Summary,
        operation.Tags, operation.Deprecated, operation.Documented);
}
