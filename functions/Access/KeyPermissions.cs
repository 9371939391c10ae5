namespace Periscope.Functions.Access;

/// <summary>
/// Which keys a caller may create or revoke: keys of its own role or below, so that no key can mint a
/// stronger one. The configured bootstrap key may manage every role: it belongs to whoever controls the
/// deployment's configuration, and without it no ClusterOwner key could ever be made.
/// </summary>
internal static class KeyPermissions
{
    public static bool MayManage(Caller caller, Role role) => CallerAuthenticator.IsBootstrap(caller) || caller.Has(role);

    public static string Refusal(Caller caller, Role role, string action) =>
        $"A key of role {caller.Role} cannot {action} a key of role {role}: keys manage keys of their own role or below "
        + "(ClusterOwner keys are managed by a ClusterOwner key or Access:BootstrapKey).";
}
