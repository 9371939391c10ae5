namespace Periscope.Functions.Access;

/// <summary>How each function declares who may call it.</summary>
internal static class AccessEndpointConventions
{
    /// <summary>A read: a Viewer key or better; anonymous too when <c>Access:AnonymousReads</c> is true.</summary>
    public static RouteHandlerBuilder RequireReader(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AccessRequirement(Role.Viewer, IsRead: true, AdmitsSidecar: false));

    /// <summary>A change or an invocation: an API key of <paramref name="role"/> or better, never anonymous.</summary>
    public static RouteHandlerBuilder RequireRole(this RouteHandlerBuilder builder, Role role) =>
        builder.WithMetadata(new AccessRequirement(role, IsRead: false, AdmitsSidecar: false));

    /// <summary>Any valid credential — an API key of any role, or the report token — but never anonymous: <c>/api/access/me</c>.</summary>
    public static RouteHandlerBuilder RequireAuthenticated(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AccessRequirement(Role.Viewer, IsRead: false, AdmitsSidecar: true));

    /// <summary>Sidecars only (the report token): reports.</summary>
    public static RouteHandlerBuilder RequireSidecar(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AccessRequirement(null, IsRead: false, AdmitsSidecar: true));

    /// <summary>
    /// Alertmanager's webhook: the bearer token or basic credential of <c>Alerts:Receiver</c>, or an Operator API
    /// key or better (so an Alertmanager may also be given a Periscope key); never anonymous.
    /// </summary>
    public static RouteHandlerBuilder RequireAlertmanager(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AccessRequirement(Role.Operator, IsRead: false, AdmitsSidecar: false) { AdmitsAlertmanager = true });

    /// <summary>Sidecars, or readers as <see cref="RequireReader"/> admits them: endpoint resolution.</summary>
    public static RouteHandlerBuilder RequireSidecarOrReader(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AccessRequirement(Role.Viewer, IsRead: true, AdmitsSidecar: true));
}
