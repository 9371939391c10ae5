using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>The <c>limit</c> and <c>continue</c> query parameters every catalog list takes.</summary>
internal static class CatalogPaging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static PageRequest? TryCreate(int? limit, string? continueToken, out IResult? problem)
    {
        problem = null;
        if (limit is < 1 or > MaxLimit)
        {
            problem = Problems.BadRequest($"'limit' must be from 1 to {MaxLimit}; got {limit}.");
            return null;
        }

        return new PageRequest(limit ?? DefaultLimit, string.IsNullOrEmpty(continueToken) ? null : continueToken);
    }
}
