namespace Periscope.Functions.Calls;

/// <summary>What is never stored in clear, and what stands in for it.</summary>
internal static class CallRedaction
{
    public const string Placeholder = "[redacted]";

    /// <summary>
    /// Credentials by the HTTP header that carries them: RFC 9110 §11.6.2 (Authorization) and §11.7.2
    /// (Proxy-Authorization), RFC 6265 (Cookie, Set-Cookie), Periscope's own <c>X-API-Key</c>, and the token
    /// Dapr sidecars present (docs.dapr.io "Enable API token authentication in Dapr": <c>dapr-api-token</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultHeaders =
        ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "dapr-api-token"];

    /// <summary>Field names that conventionally hold secrets (OAuth 2.0 RFC 6749 §5.1 names among them).</summary>
    public static readonly IReadOnlyList<string> DefaultFields =
    [
        "password", "passwd", "secret", "token", "access_token", "refresh_token", "apiKey", "api_key",
        "authorization", "credential", "credentials", "privateKey", "private_key",
    ];

    /// <summary>The defaults and the configured names together, compared case-insensitively.</summary>
    public static HashSet<string> Names(IReadOnlyList<string> defaults, IEnumerable<string> configured) =>
        new(defaults.Concat(configured).Select(name => name.Trim()), StringComparer.OrdinalIgnoreCase);
}
