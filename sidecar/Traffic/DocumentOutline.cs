namespace Periscope.Sidecar.Traffic;

/// <summary>The little of an OpenAPI document that request matching needs.</summary>
/// <param name="PathPrefix">
/// The path every operation's path is appended to, without a trailing slash (empty for none): Swagger
/// 2.0's <c>basePath</c>, or the path of OpenAPI 3's first <c>servers[].url</c>.
/// </param>
/// <param name="Operations">In document order.</param>
internal sealed record DocumentOutline(string PathPrefix, IReadOnlyList<OutlinedOperation> Operations);
