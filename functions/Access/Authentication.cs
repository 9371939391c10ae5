namespace Periscope.Functions.Access;

/// <summary>
/// What a request's credentials proved: a <see cref="Caller"/> (anonymous when it sent none), or why its
/// credentials were refused — with the RFC 6750 §3.1 error code the challenge carries.
/// </summary>
internal sealed record Authentication(Caller Caller, string? Failure, string? ErrorCode)
{
    /// <summary>RFC 6750 §3.1: the token is unknown, revoked, expired or malformed.</summary>
    public const string InvalidToken = "invalid_token";

    /// <summary>RFC 6750 §3.1: the request itself is malformed (two credentials at once).</summary>
    public const string InvalidRequest = "invalid_request";

    public bool Succeeded => Failure is null;

    public static Authentication As(Caller caller) => new(caller, null, null);

    /// <summary>Refused credentials; the request counts as anonymous for rate limiting.</summary>
    public static Authentication Refused(string detail, string? errorCode = InvalidToken) => new(Caller.Anonymous, detail, errorCode);
}
