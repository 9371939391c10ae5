using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Periscope.Forwarding;

namespace Periscope.Functions.Invoke;

/// <summary>Which of the caller's request headers travel on to the app.</summary>
/// <remarks>
/// Dropped besides the hop-by-hop ones (<see cref="HopByHopHeaders"/>):
/// <list type="bullet">
/// <item><c>Host</c> (the sidecar's authority is set from the URL, as YARP's default transform does), and
/// <c>Content-Length</c> (set from the body that is actually sent);</item>
/// <item>Periscope's own credentials, <c>Authorization</c> and <c>X-API-Key</c>: they admit the caller to
/// the gateway and must never reach an app;</item>
/// <item>every <c>dapr-*</c> header: <c>dapr-app-id</c> would make the sidecar invoke another app than the
/// one the caller was admitted to (docs.dapr.io, "How-To: Invoke services using HTTP", the dapr-app-id
/// header wins over the URL), and <c>dapr-api-token</c> is the gateway's own credential;</item>
/// <item><c>traceparent</c>/<c>tracestate</c>, which <see cref="TraceContext"/> sets (unchanged when valid);</item>
/// <item><c>Expect</c>: <c>100-continue</c> is negotiated per hop (RFC 9110 §10.1.1), Kestrel already
/// answered it.</item>
/// </list>
/// </remarks>
internal static class OutboundHeaders
{
    public const string ApiKeyHeader = "X-API-Key";
    public const string DaprApiTokenHeader = "dapr-api-token";

    public static bool IsForwarded(string name, HashSet<string>? connectionListed) =>
        !(name.StartsWith(':')
            || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
            || name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
            || name.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)
            || name.Equals(ApiKeyHeader, StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("dapr-", StringComparison.OrdinalIgnoreCase)
            || name.Equals(TraceContext.TraceParentHeader, StringComparison.OrdinalIgnoreCase)
            || name.Equals(TraceContext.TraceStateHeader, StringComparison.OrdinalIgnoreCase)
            || name.Equals(HeaderNames.Expect, StringComparison.OrdinalIgnoreCase)
            || HopByHopHeaders.IsHopByHop(name)
            || connectionListed?.Contains(name) == true);

    /// <summary>
    /// Headers an operation's declared header parameters may not set: those describing the message or the
    /// connection, and the ones the gateway itself sends (dapr-*, trace context). An app's own credential
    /// header (say <c>X-API-Key</c>) is a value of the call, not the caller's, so it may be given.
    /// </summary>
    public static bool IsGatewayOwned(string name) =>
        name.StartsWith(':')
        || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("dapr-", StringComparison.OrdinalIgnoreCase)
        || name.Equals(TraceContext.TraceParentHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(TraceContext.TraceStateHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Expect, StringComparison.OrdinalIgnoreCase)
        || HopByHopHeaders.IsHopByHop(name);

    /// <summary>The caller's headers that travel on, in their order.</summary>
    public static List<KeyValuePair<string, StringValues>> From(IHeaderDictionary headers)
    {
        var listed = headers.TryGetValue(HeaderNames.Connection, out var connection) ? HopByHopHeaders.ListedIn(connection) : null;
        var forwarded = new List<KeyValuePair<string, StringValues>>(headers.Count);
        foreach (var header in headers)
        {
            if (IsForwarded(header.Key, listed))
            {
                forwarded.Add(header);
            }
        }

        return forwarded;
    }
}
