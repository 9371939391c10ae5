using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Reporting;

internal static class ReportingServiceCollectionExtensions
{
    /// <summary>Reports the app's document and heartbeats to the catalog.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, SidecarOptions options)
    {
        services.AddSingleton<CatalogReportFactory>();
        services.AddHostedService<CatalogReporter>();

        // As for the app's client, the handler lives as long as the reporter; pooled connections are
        // recycled instead, so a catalog Service that moves is found again through DNS.
        services.AddHttpClient<CatalogClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectTimeout = options.RequestTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return services;
    }
}
