using Periscope.Prometheus;
using Periscope.Sidecar.Health;
using Periscope.Sidecar.Inbound;
using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Hosting;

internal static class HostingServiceCollectionExtensions
{
    /// <summary>The meter every sidecar instrument is on; <c>/metrics</c> exposes it with the process' own figures.</summary>
    public const string MeterName = "Periscope.Sidecar";

    /// <summary>
    /// .NET's own runtime metrics (GC collections, pauses, heap sizes and bytes allocated, thread pool, exceptions:
    /// learn.microsoft.com/dotnet/core/diagnostics/built-in-metrics-runtime), as the Prometheus client libraries
    /// export their runtime's (Go's <c>go_gc_*</c>, <c>go_memstats_*</c>).
    /// </summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>The port dispatcher, the inbound port, health and metrics.</summary>
    public static IServiceCollection AddSidecarHosting(this IServiceCollection services)
    {
        services.AddSingleton<PortDispatcher>();
        services.AddSingleton<InboundHandler>();
        services.AddSingleton<AppProbe>();
        services.AddSingleton<IAppReadiness>(provider => provider.GetRequiredService<AppProbe>());
        services.AddSingleton<MetricsPortHandler>();
        services.AddSingleton(_ => new PrometheusCollector(new PrometheusCollectorOptions { MeterNames = [MeterName, RuntimeMeterName] }));
        return services;
    }
}
