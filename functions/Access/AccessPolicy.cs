using Microsoft.Extensions.Options;

namespace Periscope.Functions.Access;

/// <summary>
/// Decides whether an authenticated <see cref="Caller"/> may call a function with an
/// <see cref="AccessRequirement"/>. No credential where one is needed is 401 (RFC 9110 §15.5.2); a
/// credential that is valid but not enough is 403 (RFC 9110 §15.5.4; RFC 6750 §3.1 insufficient_scope).
/// Each denial's detail says what the function needs and what the caller has.
/// </summary>
internal sealed class AccessPolicy(IOptions<AccessOptions> options)
{
    public const string NoCredentials = "no_credentials";
    public const string InvalidCredentials = "invalid_credentials";
    public const string RoleTooLow = "role";
    public const string CredentialKind = "credential_kind";

    private readonly bool _anonymousReads = options.Value.AnonymousReads;

    /// <summary>Null when admitted.</summary>
    public AccessDenial? Check(AccessRequirement requirement, Caller caller) => caller.Kind switch
    {
        CallerKind.Anonymous when requirement.IsRead && _anonymousReads => null,
        CallerKind.Anonymous => new AccessDenial(StatusCodes.Status401Unauthorized, NoCredentials, Needs(requirement)),
        CallerKind.Sidecar when requirement.AdmitsSidecar => null,
        CallerKind.Sidecar => new AccessDenial(
            StatusCodes.Status403Forbidden,
            CredentialKind,
            $"The report token admits sidecars' reports and endpoint lookups only; this function {NeedsKey(requirement)}."),
        CallerKind.Alertmanager when requirement.AdmitsAlertmanager => null,
        CallerKind.Alertmanager => new AccessDenial(
            StatusCodes.Status403Forbidden, CredentialKind, "The Alertmanager credential admits the Alertmanager receiver only."),
        _ => CheckKey(requirement.MinimumRole, caller),
    };

    private static AccessDenial? CheckKey(Role? minimum, Caller caller)
    {
        if (minimum is not { } required)
        {
            return new AccessDenial(
                StatusCodes.Status403Forbidden,
                CredentialKind,
                "This function is for sidecars: it accepts only the catalog's report token, not API keys.");
        }

        return caller.Has(required)
            ? null
            : new AccessDenial(
                StatusCodes.Status403Forbidden,
                RoleTooLow,
                $"Requires role {required}; this key has {caller.Role?.ToString() ?? "no role"}.",
                "insufficient_scope");
    }

    private static string Needs(AccessRequirement requirement)
    {
        if (requirement.MinimumRole is null)
        {
            return "This function is for sidecars: send 'Authorization: Bearer <Catalog:ReportToken>'.";
        }

        var sidecars = requirement.AdmitsSidecar ? " (sidecars: the report token)" : "";
        var anonymous = requirement.IsRead ? " Anonymous reads are off (Access:AnonymousReads)." : "";
        return $"This function {NeedsKey(requirement)}: send 'Authorization: Bearer <key>' or '{CallerAuthenticator.ApiKeyHeader}: <key>'{sidecars}.{anonymous}";
    }

    private static string NeedsKey(AccessRequirement requirement) =>
        requirement.MinimumRole is { } minimum ? $"requires an API key of role {minimum} or better" : "accepts no API key";
}
