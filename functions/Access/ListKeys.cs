using Microsoft.AspNetCore.Mvc;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Access;

/// <summary><c>GET /api/keys?limit=&amp;continue=</c> (Admin): every API key, oldest first, revoked and expired ones included; never a key, hash or salt.</summary>
internal sealed class ListKeys : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("keys", RunAsync).RequireRole(Role.Admin).AddEndpointFilter<InvalidContinueTokenFilter>();

    private static async Task<IResult> RunAsync(
        IKeyStore store,
        TimeProvider clock,
        [FromQuery] string? limit,
        [FromQuery(Name = "continue")] string? continueToken,
        CancellationToken cancellationToken)
    {
        if (CatalogPaging.TryCreate(limit, continueToken, out var problem) is not { } page)
        {
            return problem!;
        }

        var keys = await store.ListAsync(page, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new PagedList<KeyView>(keys.Items.Select(key => KeyView.From(key, now)).ToList(), keys.Continue));
    }
}
