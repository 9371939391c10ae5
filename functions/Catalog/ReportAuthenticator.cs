using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Catalog;

/// <summary>
/// Checks a sidecar's <c>Authorization: Bearer</c> token (RFC 6750 §2.1) against the configured shared
/// token in constant time. In Kubernetes the sidecar's projected service-account token will be checked
/// through the TokenReview API instead (a later issue).
/// </summary>
internal sealed class ReportAuthenticator(IOptions<CatalogOptions> options)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(options.Value.ReportToken);

    /// <summary>Null when authenticated; otherwise why not, for the 401's detail.</summary>
    public string? Check(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return "Reports require 'Authorization: Bearer <token>' with the catalog's report token.";
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "Only the Bearer scheme is accepted for reports.";
        }

        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _expected) ? null : "The report token is not valid.";
    }
}
