using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Periscope.Functions.Alerts;

namespace Periscope.Functions.Access;

/// <summary>
/// The credential Alertmanager's <c>http_config</c> sends to the receiver (prometheus.io/docs/alerting/latest/configuration/#http_config):
/// <c>Authorization: Bearer &lt;Alerts:Receiver:BearerToken&gt;</c> (RFC 6750 §2.1), or <c>Authorization: Basic</c> with
/// <c>Alerts:Receiver:BasicUsername</c>/<c>BasicPassword</c> (RFC 7617 §2). Compared as SHA-256 digests with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, as <see cref="CallerAuthenticator"/> compares its secrets.
/// A request that does not match goes on to <see cref="CallerAuthenticator"/> (an Operator API key is admitted too).
/// </summary>
internal sealed class AlertmanagerCredential
{
    private readonly byte[]? _bearer;
    private readonly byte[]? _basic;

    public AlertmanagerCredential(IOptions<AlertsOptions> options)
    {
        var receiver = options.Value.Receiver;
        _bearer = receiver.HasBearer ? Digest(receiver.BearerToken!) : null;
        _basic = receiver.HasBasic ? Digest(receiver.BasicUsername + ":" + receiver.BasicPassword) : null;
    }

    public bool Matches(HttpRequest request)
    {
        if (request.Headers.Authorization is not { Count: 1 } values || request.Headers.ContainsKey(CallerAuthenticator.ApiKeyHeader))
        {
            return false;
        }

        var header = values.ToString();
        if (_bearer is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return CryptographicOperations.FixedTimeEquals(Digest(header["Bearer ".Length..].Trim()), _bearer);
        }

        if (_basic is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                return CryptographicOperations.FixedTimeEquals(Digest(decoded), _basic);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
