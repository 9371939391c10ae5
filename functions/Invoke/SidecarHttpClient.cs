using System.Net;

namespace Periscope.Functions.Invoke;

/// <summary>
/// The one <see cref="HttpMessageInvoker"/> every call to the sidecar shares, so connections are pooled and
/// reused. The settings are YARP's ForwarderHttpClientFactory defaults (microsoft/reverse-proxy,
/// src/ReverseProxy/Forwarder), as the sidecar's forwarder uses them.
/// </summary>
internal sealed class SidecarHttpClient : IDisposable
{
    /// <summary>The sidecar is on the same pod or host: a connection that takes longer is not coming.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public SidecarHttpClient()
        : this(CreateHandler())
    {
    }

    /// <summary>Over another handler: tests put one in front that fails connections on purpose.</summary>
    public SidecarHttpClient(HttpMessageHandler handler) => Invoker = new HttpMessageInvoker(handler, disposeHandler: true);

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();

    public static SocketsHttpHandler CreateHandler() => new()
    {
        // The only target is the configured sidecar: an HTTP_PROXY in the environment must not divert it.
        UseProxy = false,

        // Redirects, compression and cookies are the caller's business; a proxy passes them through.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,

        // TraceContext sets traceparent/tracestate itself; the default propagator would overwrite them. No
        // propagator at all also leaves HttpClient's DiagnosticsHandler (an async layer and a client Activity
        // per request) out of the chain; HttpClient's metrics come from its MetricsHandler, which stays.
        ActivityHeadersPropagator = null,
        ConnectTimeout = ConnectTimeout,

        // Close idle connections before the sidecar does (Kestrel keeps them 130 s).
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),

        // In KiB: response headers are buffered whole; 32 KiB is Kestrel's own request header limit.
        MaxResponseHeadersLength = 32,
    };
}
