using System.Globalization;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>The <c>limit</c> and <c>continue</c> query parameters every catalog list takes.</summary>
/// <remarks>
/// <c>limit</c> arrives as text and is parsed here rather than bound as <c>int?</c>: the Request Delegate Generator
/// answers a nullable number that does not parse with an empty 400 (it neither throws for
/// <see cref="RouteHandlerOptions.ThrowOnBadRequest"/> nor says why), and every error here names its cause.
/// </remarks>
internal static class CatalogPaging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static PageRequest? TryCreate(string? limit, string? continueToken, out IResult? problem)
    {
        problem = null;
        var count = DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            problem = Problems.BadRequest($"'limit' must be a whole number from 1 to {MaxLimit}; got '{limit}'.");
            return null;
        }

        return new PageRequest(count, string.IsNullOrEmpty(continueToken) ? null : continueToken);
    }
}
