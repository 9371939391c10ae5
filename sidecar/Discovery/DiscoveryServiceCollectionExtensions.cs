using System.Net;
using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Discovery;

internal static class DiscoveryServiceCollectionExtensions
{
    /// <summary>Finds the app's OpenAPI document and watches it for changes.</summary>
    public static IServiceCollection AddDiscovery(this IServiceCollection services, SidecarOptions options)
    {
        services.AddSingleton<ObservedDocument>();
        services.AddSingleton<DocumentDiscoverer>();
        services.AddHostedService<DocumentWatcher>();

        // The typed client lives as long as the singletons holding it, so its handler must not rotate
        // (learn.microsoft.com/dotnet/core/extensions/httpclient-factory, "Avoid typed clients in
        // singleton services"); the app is on loopback, so no proxy and no DNS to refresh.
        services.AddHttpClient<AppDocumentClient>(http =>
            {
                http.BaseAddress = options.AppUrl;
                http.Timeout = Timeout.InfiniteTimeSpan; // each call has its own limit, body included
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = options.RequestTimeout,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return services;
    }
}
