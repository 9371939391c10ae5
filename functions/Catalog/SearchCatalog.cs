using Microsoft.AspNetCore.Mvc;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>
/// <c>GET /api/search?q=</c>: services and operations whose namespace, app-id, title, method, path,
/// operationId, summary or tags contain every term of <c>q</c>, best matches first.
/// </summary>
internal sealed class SearchCatalog : IFunction
{
    private const int MaxQueryLength = 256;

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("search", RunAsync).AddEndpointFilter<InvalidContinueTokenFilter>().RequireReader();

    private static async Task<IResult> RunAsync(
        ICatalogStore store,
        [FromQuery] string? q,
        [FromQuery] string? limit,
        [FromQuery(Name = "continue")] string? continueToken,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > MaxQueryLength)
        {
            return Problems.BadRequest($"'q' must hold the text to search for, 1 to {MaxQueryLength} characters.");
        }

        if (CatalogPaging.TryCreate(limit, continueToken, out var problem) is not { } page)
        {
            return problem!;
        }

        var hits = await store.SearchAsync(q, page, cancellationToken);
        return TypedResults.Ok(new PagedList<SearchResult>(hits.Items.Select(SearchResult.From).ToList(), hits.Continue));
    }
}
