using System.Diagnostics.Metrics;
using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Traffic;

internal static class TrafficServiceCollectionExtensions
{
    /// <summary>Per-operation traffic capture: the recorder the inbound port feeds, its metrics, and the summaries reports carry.</summary>
    public static IServiceCollection AddTraffic(this IServiceCollection services, SidecarOptions options)
    {
        services.AddMetrics();
        services.AddSingleton(provider => new TrafficMetrics(provider.GetRequiredService<IMeterFactory>(), options.AppId));
        services.AddSingleton(provider => new TrafficRecorder(
            options.MaxInferredOperations,
            provider.GetRequiredService<TrafficMetrics>(),
            provider.GetService<TimeProvider>(),
            provider.GetRequiredService<ILogger<TrafficRecorder>>()));
        services.AddSingleton<TrafficBatches>();
        services.AddHostedService<TrafficDocumentFeed>();
        return services;
    }
}
