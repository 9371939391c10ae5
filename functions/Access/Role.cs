namespace Periscope.Functions.Access;

/// <summary>
/// What an API key may do. Ordered: each role may do everything the roles before it may.
/// <list type="bullet">
/// <item><see cref="Viewer"/>: read the catalog, call records, metrics and alerts.</item>
/// <item><see cref="Operator"/>: invoke cataloged APIs (within the key's scopes); acknowledge alerts.</item>
/// <item><see cref="Admin"/>: manage API keys, rules, channels and per-service settings.</item>
/// <item><see cref="ClusterOwner"/>: register and change clusters, restart and stop containers.</item>
/// </list>
/// </summary>
internal enum Role
{
    Viewer = 1,
    Operator = 2,
    Admin = 3,
    ClusterOwner = 4,
}
