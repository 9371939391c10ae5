namespace Periscope.Functions.Access;

/// <summary>
/// Endpoint metadata: who may call a function. Every function declares one (see
/// <see cref="AccessEndpointConventions"/>); a function without one is refused to everybody, so a function
/// cannot be left open by forgetting it.
/// </summary>
/// <param name="MinimumRole">The least role of an API key admitted; null when no key is admitted.</param>
/// <param name="IsRead">A read: admitted anonymously too when <c>Access:AnonymousReads</c> is true.</param>
/// <param name="AdmitsSidecar">Admits the catalog's report token (sidecars).</param>
internal sealed record AccessRequirement(Role? MinimumRole, bool IsRead, bool AdmitsSidecar)
{
    /// <summary>Admits the Alertmanager credential configured in <c>Alerts:Receiver</c> (<see cref="AlertmanagerCredential"/>).</summary>
    public bool AdmitsAlertmanager { get; init; }
}
