namespace Periscope.Sidecar.Forwarding;

/// <summary>
/// Sends the current request on to another HTTP server and streams its answer back: the one job of
/// both the inbound port (to the app) and the outbound port (to another pod's sidecar).
/// </summary>
internal interface IHttpForwarder
{
    /// <summary>
    /// Forwards <paramref name="context"/>'s request, with its method, headers (minus hop-by-hop ones)
    /// and body, to <paramref name="destination"/> (scheme, host and port only) at
    /// <paramref name="pathAndQuery"/> (already escaped, starting with '/'), and copies the answer to
    /// <paramref name="context"/>'s response.
    /// </summary>
    /// <remarks>
    /// Never writes an error response itself: when <see cref="ForwardOutcome.Error"/> is not
    /// <see cref="ForwardError.None"/> and the response has not started, the caller decides (retry on
    /// another endpoint, or answer 502/504 with <c>DaprErrorResponse</c>). When the answer breaks off
    /// after part of it reached the client, the client's connection is aborted so it sees a failure.
    /// Never throws for network failures or client disconnects; those are outcomes.
    /// <paramref name="timeout"/> runs until the response headers arrive; the body then streams for as
    /// long as it takes, until done or the client goes away. Bodies are streamed, never buffered: the
    /// host sets Kestrel's request body limit (MaxRequestBodySize), not the forwarder.
    /// </remarks>
    Task<ForwardOutcome> ForwardAsync(HttpContext context, Uri destination, string pathAndQuery, TimeSpan timeout);
}
