using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>One search hit: <c>kind</c> is <c>service</c> or <c>operation</c> (then with its key, method and path).</summary>
internal sealed record SearchResult(
    string Kind, string Namespace, string AppId, string? OperationKey, string? Method, string? Path,
    string? OperationId, string? Summary, string? Title, IReadOnlyList<string> Tags)
{
    public static SearchResult From(SearchHit hit) => new(
        hit.Kind, hit.Service.Namespace, hit.Service.AppId, hit.OperationKey, hit.Method, hit.PathTemplate,
        hit.OperationId, hit.Summary, hit.Title, hit.Tags);
}
