using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Periscope.Functions.Catalog;

namespace Periscope.Functions.Access;

/// <summary>
/// Turns a request's credential into a <see cref="Caller"/>: the catalog's report token is a sidecar;
/// <c>Access:BootstrapKey</c> is the bootstrap Admin; <c>psk_…</c> is an API key from the store; no
/// credential is anonymous; anything else is refused. Never logs or echoes what was presented.
/// </summary>
/// <remarks>
/// The credential comes in <c>Authorization: Bearer</c> (RFC 6750 §2.1) or <c>X-API-Key</c>, not both
/// (RFC 6750 §2: "Clients MUST NOT use more than one method to transmit the token in each request").
/// The configured secrets are compared as SHA-256 digests with <see cref="CryptographicOperations.FixedTimeEquals"/>,
/// so neither the content nor the length of a secret shows in the time a comparison takes.
/// </remarks>
internal sealed class CallerAuthenticator
{
    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>The caller that <c>Access:BootstrapKey</c> authenticates.</summary>
    public static readonly Caller Bootstrap = new("bootstrap", "bootstrap key (Access:BootstrapKey)", CallerKind.ApiKey, Role.Admin, []);

    private readonly KeyCache _keys;
    private readonly TimeProvider _clock;
    private readonly byte[] _reportToken;
    private readonly byte[]? _bootstrapKey;

    public CallerAuthenticator(KeyCache keys, TimeProvider clock, IOptions<AccessOptions> access, IOptions<CatalogOptions> catalog)
    {
        _keys = keys;
        _clock = clock;
        _reportToken = Digest(catalog.Value.ReportToken);
        _bootstrapKey = access.Value.BootstrapKey is { } bootstrap ? Digest(bootstrap) : null;
    }

    /// <summary>Whether <paramref name="caller"/> is the configured bootstrap key (stored key ids are hex, never "bootstrap").</summary>
    public static bool IsBootstrap(Caller caller) => caller.Kind == CallerKind.ApiKey && caller.Id == Bootstrap.Id;

    public async ValueTask<Authentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization;
        var apiKey = request.Headers[ApiKeyHeader];
        if (authorization.Count == 0 && apiKey.Count == 0)
        {
            return Authentication.As(Caller.Anonymous);
        }

        if (authorization.Count + apiKey.Count > 1)
        {
            return Authentication.Refused(
                $"Send one credential, in either 'Authorization: Bearer <key>' or '{ApiKeyHeader}: <key>', once.", Authentication.InvalidRequest);
        }

        string presented;
        if (apiKey.Count == 1)
        {
            presented = apiKey.ToString().Trim();
        }
        else
        {
            var header = authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                // Another scheme is not a Bearer credential at all, so no RFC 6750 error code applies.
                return Authentication.Refused(
                    $"Only the Bearer scheme is accepted: 'Authorization: Bearer <key>' (or '{ApiKeyHeader}: <key>').", errorCode: null);
            }

            presented = header["Bearer ".Length..].Trim();
        }

        return presented.Length == 0
            ? Authentication.Refused("The credential is empty.")
            : await IdentifyAsync(presented, cancellationToken);
    }

    private async ValueTask<Authentication> IdentifyAsync(string presented, CancellationToken cancellationToken)
    {
        var digest = Digest(presented);
        if (CryptographicOperations.FixedTimeEquals(digest, _reportToken))
        {
            return Authentication.As(Caller.Sidecar);
        }

        if (_bootstrapKey is not null && CryptographicOperations.FixedTimeEquals(digest, _bootstrapKey))
        {
            return Authentication.As(Bootstrap);
        }

        if (!ApiKeyTokens.TryParse(presented, out var id, out var secret))
        {
            return Authentication.Refused("The credential is neither an API key (psk_…) nor another credential this host accepts.");
        }

        // One answer for unknown ids and wrong secrets, so the answer does not tell which ids exist.
        var key = await _keys.FindAsync(id, cancellationToken);
        if (key is null || !ApiKeyTokens.Verify(key.Salt, secret, key.Hash))
        {
            return Authentication.Refused("The API key is not valid.");
        }

        if (key.RevokedAt is { } revoked)
        {
            return Authentication.Refused($"API key {id} was revoked at {revoked:O}.");
        }

        if (key.ExpiresAt is { } expires && expires <= _clock.GetUtcNow())
        {
            return Authentication.Refused($"API key {id} expired at {expires:O}.");
        }

        return Authentication.As(new Caller(key.Id, key.Name, CallerKind.ApiKey, key.Role, key.Scopes));
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
