namespace Periscope.Sidecar.Configuration;

/// <summary>
/// Everything the sidecar needs to know, read once at start-up from the command line or the
/// environment by <see cref="SidecarOptionsReader"/>, which also validates it. README.md lists the
/// option and environment variable behind each property.
/// </summary>
internal sealed record SidecarOptions
{
    /// <summary>The app's id, an RFC 1123 label; required.</summary>
    public required string AppId { get; init; }

    /// <summary>The port the app listens on; required.</summary>
    public required int AppPort { get; init; }

    /// <summary>The address the app listens on. Default 127.0.0.1: app and sidecar share a network namespace.</summary>
    public string AppChannelAddress { get; init; } = "127.0.0.1";

    /// <summary>Where the app serves its OpenAPI document; null (the default) tries the well-known paths.</summary>
    public string? OpenApiPath { get; init; }

    /// <summary>The catalog's base URL, absolute http or https; required.</summary>
    public required Uri CatalogUrl { get; init; }

    /// <summary>The functions' route prefix (host.json <c>extensions.http.routePrefix</c>). Default <c>api</c>.</summary>
    public string CatalogRoutePrefix { get; init; } = "api";

    /// <summary>A bearer token for the catalog; null (the default) sends none.</summary>
    public string? CatalogToken { get; init; }

    /// <summary>Default <c>default</c>.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Default: the host name, lowercased and made an RFC 1123 subdomain.</summary>
    public required string Pod { get; init; }

    /// <summary>The app's container name. Default <c>app</c>.</summary>
    public string Container { get; init; } = "app";

    /// <summary>Where invocations reach the app (in Kubernetes the pod IP). Default 127.0.0.1.</summary>
    public string EndpointAddress { get; init; } = "127.0.0.1";

    /// <summary>The port invocations use. Default: <see cref="InboundPort"/>.</summary>
    public required int EndpointPort { get; init; }

    /// <summary>How often the document is checked for changes. Default 30 s.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a heartbeat goes to the catalog when nothing changed. Default 10 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A larger document is ignored. Default 10 MiB.</summary>
    public long MaxDocumentSize { get; init; } = 10 * 1024 * 1024;

    /// <summary>The limit on each HTTP call, to the app or the catalog, body included. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The first delay after a failed call; it doubles per failure. Default 1 s.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between retries. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Dapr's HTTP API for the app's own outbound calls (service invocation). Default 3500.</summary>
    public int DaprHttpPort { get; init; } = 3500;

    /// <summary>Where invocations from other pods arrive; forwarded to the app. Default 3501.</summary>
    public int InboundPort { get; init; } = 3501;

    /// <summary>Serves <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c>. Default 9090 (Dapr's metrics port).</summary>
    public int MetricsPort { get; init; } = 9090;

    /// <summary>The address the Dapr API port listens on. Default 127.0.0.1: only the pod's own containers call it.</summary>
    public string DaprListenAddress { get; init; } = "127.0.0.1";

    /// <summary>The address the inbound and metrics ports listen on. Default 0.0.0.0: other pods and Prometheus call them.</summary>
    public string ListenAddress { get; init; } = "0.0.0.0";

    /// <summary>How long the app may take to answer (headers) a forwarded request before the caller gets 504. Default 60 s.</summary>
    public TimeSpan AppTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an invoked app-id's sidecar may take to answer (headers) before the caller gets 504. Default 60 s.</summary>
    public TimeSpan InvokeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an app-id's endpoints from the catalog are reused before being asked again. Default 5 s.</summary>
    public TimeSpan ResolutionTtl { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How the outbound port picks among an app-id's endpoints. Default round-robin.</summary>
    public LoadBalancingPolicy LoadBalancing { get; init; } = LoadBalancingPolicy.RoundRobin;

    /// <summary>The most inferred operations (paths the document does not describe) tracked. Default 100.</summary>
    public int MaxInferredOperations { get; init; } = 100;

    public Uri AppUrl => new($"http://{HostForUrl(AppChannelAddress)}:{AppPort}/");

    /// <summary>An IPv6 literal needs brackets in a URL (RFC 3986 §3.2.2).</summary>
    private static string HostForUrl(string address) => address.Contains(':') ? $"[{address}]" : address;
}
