using System.Net;

namespace Periscope.Sidecar.Forwarding;

/// <summary>
/// Builds the one <see cref="HttpMessageInvoker"/> the forwarder shares across requests, so its
/// connections to the app (and to other pods' sidecars) are pooled and reused. The settings are YARP's
/// ForwarderHttpClientFactory defaults (microsoft/reverse-proxy, src/ReverseProxy/Forwarder), plus the
/// limits a per-pod sidecar wants.
/// </summary>
internal static class ForwarderInvokerFactory
{
    /// <summary>Envoy's default cluster connect timeout (envoyproxy.io, Cluster.connect_timeout: 5 s).</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    public static HttpMessageInvoker Create(TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            // Pod traffic goes straight to the pod: an HTTP_PROXY in the app's environment must not divert it.
            UseProxy = false,

            // Redirects, compression and cookies are the client's business; a proxy passes them through.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,

            // traceparent/tracestate are copied as the client sent them; the default propagator would
            // replace them with a span of this hop's own. No propagator at all also leaves HttpClient's
            // DiagnosticsHandler out of the chain (SocketsHttpHandler adds it only for a propagator): one
            // async layer less per request, and no client Activity nobody listens to.
            ActivityHeadersPropagator = null,

            // Refused fails at once; this bounds a dead pod IP, whose SYNs go unanswered, so the caller
            // can try another endpoint well within its own timeout.
            ConnectTimeout = connectTimeout,

            // Close idle connections before servers do: Kestrel keeps them 130 s, nginx 75 s; closing
            // first avoids sending on a connection the server is closing.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),

            // In KiB. Response headers are buffered whole, so this bounds memory per request; 32 KiB
            // is Kestrel's own limit for request headers and 4–8 times nginx's proxy_buffer_size.
            MaxResponseHeadersLength = 32,

            // With HTTP/2 destinations, open another connection instead of queueing behind the
            // server's stream limit (YARP's default).
            EnableMultipleHttp2Connections = true,
        };
        return new HttpMessageInvoker(handler, disposeHandler: true);
    }
}
