namespace Periscope.Functions.Access;

/// <summary>
/// Who made a request, as the access check admitted it. <see cref="Scopes"/> limits which services an
/// API key may invoke: empty means any; otherwise each entry is <c>namespace</c>, <c>namespace/*</c> or
/// <c>namespace/appId</c>.
/// </summary>
internal sealed record Caller(string Id, string Name, CallerKind Kind, Role? Role, IReadOnlyList<string> Scopes)
{
    public static readonly Caller Anonymous = new("anonymous", "anonymous", CallerKind.Anonymous, null, []);

    public static readonly Caller Sidecar = new("sidecar", "sidecar", CallerKind.Sidecar, null, []);

    public static readonly Caller Alertmanager = new("alertmanager", "alertmanager", CallerKind.Alertmanager, null, []);

    /// <summary>Whether this caller's role is at least <paramref name="required"/>.</summary>
    public bool Has(Role required) => Role is { } role && role >= required;

    /// <summary>Whether this caller's scopes include the service <paramref name="namespace"/>/<paramref name="appId"/>.</summary>
    public bool MayInvoke(string @namespace, string appId) =>
        Scopes.Count == 0 || Scopes.Any(scope => CallerScope.Covers(scope, @namespace, appId));
}
