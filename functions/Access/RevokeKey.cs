using Periscope.Functions.Hosting;

namespace Periscope.Functions.Access;

/// <summary>
/// <c>DELETE /api/keys/{id}</c> (Admin): revokes a key — at once in this process, within
/// <c>Access:KeyCacheTtl</c> in other replicas. 204, also when it was already revoked (DELETE is idempotent,
/// RFC 9110 §9.2.2); 404 for an unknown id; 403 for a key above the caller's role; 409 when no other active
/// Admin-or-better key would be left (the configured bootstrap key does not count: configuration can lose it).
/// </summary>
internal sealed class RevokeKey : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapDelete("keys/{id}", RunAsync).RequireRole(Role.Admin);

    private static async Task<IResult> RunAsync(
        string id, HttpContext context, IKeyStore store, KeyCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ApiKeyTokens.IsId(id) || await store.FindAsync(id, cancellationToken) is not { } key)
        {
            return Problems.NotFound($"No API key has id '{id}'.");
        }

        var caller = context.GetCaller();
        if (!KeyPermissions.MayManage(caller, key.Role))
        {
            return Problems.Forbidden(KeyPermissions.Refusal(caller, key.Role, "revoke"));
        }

        var revocation = await store.RevokeAsync(id, clock.GetUtcNow(), cancellationToken);
        cache.Evict(id);
        return revocation switch
        {
            KeyRevocation.NotFound => Problems.NotFound($"No API key has id '{id}'."),
            KeyRevocation.LastAdmin => Problems.Conflict(
                $"Revoking {id} would leave no active Admin or ClusterOwner key (Access:BootstrapKey does not count); create another Admin key first."),
            _ => TypedResults.NoContent(),
        };
    }
}
