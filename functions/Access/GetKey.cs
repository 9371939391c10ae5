using Periscope.Functions.Hosting;

namespace Periscope.Functions.Access;

/// <summary><c>GET /api/keys/{id}</c> (Admin): one API key, as <see cref="ListKeys"/> shows it; where <see cref="CreateKey"/>'s <c>Location</c> points.</summary>
internal sealed class GetKey : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("keys/{id}", RunAsync).RequireRole(Role.Admin);

    private static async Task<IResult> RunAsync(string id, IKeyStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        ApiKeyTokens.IsId(id) && await store.FindAsync(id, cancellationToken) is { } key
            ? TypedResults.Ok(KeyView.From(key, clock.GetUtcNow()))
            : Problems.NotFound($"No API key has id '{id}'.");
}
