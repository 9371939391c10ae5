namespace Periscope.Webhook.Injection;

/// <summary>The annotation, label and container names the injector reads and writes (ARCHITECTURE.md, webhook/).</summary>
internal static class InjectionNames
{
    public const string SidecarContainer = "periscope-sidecar";

    public const string InjectAnnotation = "periscope.dev/inject";
    public const string StatusAnnotation = "periscope.dev/status";
    public const string StatusInjected = "injected";
    public const string InjectedLabel = "periscope.dev/injected";
    public const string AppIdAnnotation = "periscope.dev/app-id";
    public const string AppPortAnnotation = "periscope.dev/app-port";
    public const string OpenApiPathAnnotation = "periscope.dev/openapi-path";
    public const string ImageAnnotation = "periscope.dev/sidecar-image";
    public const string CpuRequestAnnotation = "periscope.dev/sidecar-cpu-request";
    public const string MemoryLimitAnnotation = "periscope.dev/sidecar-memory-limit";
    public const string LogLevelAnnotation = "periscope.dev/sidecar-log-level";
    public const string SocketThreadsAnnotation = "periscope.dev/sidecar-socket-threads";
    public const string DaprEnabledAnnotation = "dapr.io/enabled";

    /// <summary>Named ports (IANA_SVC_NAME, at most 15 characters); the PodMonitor selects <see cref="MetricsPortName"/>.</summary>
    public const string DaprPortName = "dapr-http";
    public const string InboundPortName = "psc-inbound";
    public const string MetricsPortName = "psc-metrics";

    public const int DaprHttpPort = 3500;
    public const int InboundPort = 3501;
    public const int MetricsPort = 9090;
}
