using System.CommandLine;

namespace Periscope.Sidecar.Configuration;

/// <summary>
/// The sidecar's command line, modelled on <c>dapr run</c> (<c>--app-id orders --app-port 5000</c>).
/// Every option can also come from the environment; the command line wins.
/// </summary>
internal sealed class SidecarCommandLine
{
    /// <summary>Bad input exits with 2, the shell's convention for misuse (bash's builtins, getopt).</summary>
    public const int UsageError = 2;

    public SidecarSetting AppId { get; } = new("--app-id", "id", "The app's id, an RFC 1123 label (required).", "APP_ID");
    public SidecarSetting AppPort { get; } = new("--app-port", "port", "The port the app listens on (required).", "APP_PORT");
    public SidecarSetting AppChannelAddress { get; } = new("--app-channel-address", "address", "The address the app listens on (default 127.0.0.1).", "APP_CHANNEL_ADDRESS");
    public SidecarSetting Catalog { get; } = new("--catalog", "url", "The catalog's base URL, e.g. http://127.0.0.1:7071 (required).", "PERISCOPE_CATALOG_URL");
    public SidecarSetting CatalogRoutePrefix { get; } = new("--catalog-route-prefix", "prefix", "The catalog's route prefix (default api).", "PERISCOPE_CATALOG_ROUTE_PREFIX");
    public SidecarSetting CatalogToken { get; } = new("--catalog-token", "token", "A bearer token for the catalog (default none).", "PERISCOPE_CATALOG_TOKEN");
    public SidecarSetting OpenApiPath { get; } = new("--openapi-path", "path", "Where the app serves its OpenAPI document (default: try the well-known paths).", "PERISCOPE_OPENAPI_PATH");
    public SidecarSetting Namespace { get; } = new("--namespace", "namespace", "The namespace reported (default default).", "NAMESPACE", "POD_NAMESPACE");
    public SidecarSetting Pod { get; } = new("--pod", "name", "The pod name reported (default: the host name).", "POD_NAME");
    public SidecarSetting Container { get; } = new("--container", "name", "The app's container name (default app).", "PERISCOPE_APP_CONTAINER");
    public SidecarSetting EndpointAddress { get; } = new("--endpoint-address", "address", "The address invocations reach the app at (default 127.0.0.1).", "POD_IP");
    public SidecarSetting EndpointPort { get; } = new("--endpoint-port", "port", "The port other sidecars reach this one at (default: the inbound port).", "PERISCOPE_ENDPOINT_PORT");
    public SidecarSetting DaprHttpPort { get; } = new("--dapr-http-port", "port", "Dapr's HTTP API for the app's outbound calls (default 3500).", "PERISCOPE_DAPR_HTTP_PORT");
    public SidecarSetting InboundPort { get; } = new("--inbound-port", "port", "Where invocations arrive, forwarded to the app (default 3501).", "PERISCOPE_INBOUND_PORT");
    public SidecarSetting MetricsPort { get; } = new("--metrics-port", "port", "Serves /metrics, /healthz and /readyz (default 9090).", "PERISCOPE_METRICS_PORT");
    public SidecarSetting DaprListenAddress { get; } = new("--dapr-listen-address", "address", "The address the Dapr API port listens on (default 127.0.0.1).", "PERISCOPE_DAPR_LISTEN_ADDRESS");
    public SidecarSetting ListenAddress { get; } = new("--listen-address", "address", "The address the inbound and metrics ports listen on (default 0.0.0.0).", "PERISCOPE_LISTEN_ADDRESS");
    public SidecarSetting AppTimeout { get; } = new("--app-timeout", "duration", "How long the app may take to answer a forwarded request before 504 (default 60s).", "PERISCOPE_APP_TIMEOUT");
    public SidecarSetting InvokeTimeout { get; } = new("--invoke-timeout", "duration", "How long an invoked app may take to answer before 504 (default 60s).", "PERISCOPE_INVOKE_TIMEOUT");
    public SidecarSetting ResolutionTtl { get; } = new("--resolution-ttl", "duration", "How long an app-id's endpoints are cached (default 5s).", "PERISCOPE_RESOLUTION_TTL");
    public SidecarSetting LoadBalancing { get; } = new("--load-balancing", "policy", "round-robin or power-of-two-choices (default round-robin).", "PERISCOPE_LOAD_BALANCING");
    public SidecarSetting MaxInferredOperations { get; } = new("--max-inferred-operations", "count", "The most undocumented operations tracked (default 100).", "PERISCOPE_MAX_INFERRED_OPERATIONS");
    public SidecarSetting RefreshInterval { get; } = new("--refresh-interval", "duration", "How often to check the document for changes, e.g. 30s (default 30s).", "PERISCOPE_REFRESH_INTERVAL");
    public SidecarSetting HeartbeatInterval { get; } = new("--heartbeat-interval", "duration", "How often to send a heartbeat (default 10s).", "PERISCOPE_HEARTBEAT_INTERVAL");
    public SidecarSetting MaxDocumentSize { get; } = new("--max-document-size", "bytes", "Ignore larger documents, e.g. 10MiB (default 10MiB).", "PERISCOPE_MAX_DOCUMENT_SIZE");
    public SidecarSetting RequestTimeout { get; } = new("--request-timeout", "duration", "The limit on each HTTP call (default 10s).", "PERISCOPE_REQUEST_TIMEOUT");
    public SidecarSetting RetryInitialDelay { get; } = new("--retry-initial-delay", "duration", "The first delay after a failed call (default 1s).", "PERISCOPE_RETRY_INITIAL_DELAY");
    public SidecarSetting RetryMaxDelay { get; } = new("--retry-max-delay", "duration", "The longest delay between retries (default 30s).", "PERISCOPE_RETRY_MAX_DELAY");

    public IEnumerable<SidecarSetting> All =>
    [
        AppId, AppPort, AppChannelAddress, Catalog, CatalogRoutePrefix, CatalogToken, OpenApiPath, Namespace, Pod,
        Container, EndpointAddress, EndpointPort, RefreshInterval, HeartbeatInterval, MaxDocumentSize,
        RequestTimeout, RetryInitialDelay, RetryMaxDelay, DaprHttpPort, InboundPort, MetricsPort, DaprListenAddress,
        ListenAddress, AppTimeout, InvokeTimeout, ResolutionTtl, LoadBalancing, MaxInferredOperations,
    ];

    /// <summary>
    /// Parses <paramref name="args"/>, falls back to <paramref name="environment"/>, and runs
    /// <paramref name="run"/> with valid options. Bad input writes one line to <paramref name="error"/>
    /// and returns <see cref="UsageError"/>; <c>--help</c> and <c>--version</c> work as usual.
    /// </summary>
    public static async Task<int> InvokeAsync(
        IReadOnlyList<string> args,
        Func<SidecarOptions, CancellationToken, Task> run,
        Func<string, string?>? environment = null,
        TextWriter? error = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        error ??= Console.Error;
        var commandLine = new SidecarCommandLine();
        var command = commandLine.CreateCommand();
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (options, problem) = SidecarOptionsReader.Read(commandLine, parseResult, environment);
            if (options is null)
            {
                await error.WriteLineAsync(FormatError(problem));
                return UsageError;
            }

            await run(options, cancellationToken);
            return 0;
        });

        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await error.WriteLineAsync(FormatError(string.Join(" ", parsed.Errors.Select(e => e.Message))));
            return UsageError;
        }

        // The generic host handles SIGINT and SIGTERM itself (ConsoleLifetime) and stops in order;
        // System.CommandLine's own handling would race it, so it is switched off.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, Error = error });
    }

    /// <summary>Reads options the way <see cref="InvokeAsync"/> does, throwing <see cref="ArgumentException"/> on bad input.</summary>
    public static SidecarOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var commandLine = new SidecarCommandLine();
        var parsed = commandLine.CreateCommand().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", parsed.Errors.Select(e => e.Message)), nameof(args));
        }

        var (options, problem) = SidecarOptionsReader.Read(commandLine, parsed, environment);
        return options ?? throw new ArgumentException(problem, nameof(args));
    }

    private RootCommand CreateCommand()
    {
        var command = new RootCommand("Periscope sidecar: forwards invocations to the app and records its traffic, speaks Dapr's service invocation API, and reports the app's OpenAPI document to the catalog.");
        foreach (var setting in All)
        {
            command.Options.Add(setting.Option);
        }

        return command;
    }

    private static string FormatError(string? message) => $"periscope-sidecar: {message} (see --help)";
}
