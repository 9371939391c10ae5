using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Invocation;

internal static class InvocationServiceCollectionExtensions
{
    /// <summary>
    /// The Dapr port's handler and what it needs: app-id resolution, load balancing, metrics. The
    /// <c>IHttpForwarder</c> is registered by forwarding; an <see cref="IAppReadiness"/> and any
    /// <see cref="IMetadataContributor"/>s are optional.
    /// </summary>
    public static IServiceCollection AddInvocation(this IServiceCollection services, SidecarOptions options)
    {
        services.AddMetrics();
        services.AddSingleton<DaprApiHandler>();
        services.AddSingleton<ServiceInvoker>();
        services.AddSingleton<DaprMetadataWriter>();
        services.AddSingleton<AppIdResolver>();
        services.AddSingleton<InvocationMetrics>();
        services.AddSingleton<ILoadBalancer>(options.LoadBalancing == LoadBalancingPolicy.PowerOfTwoChoices
            ? new PowerOfTwoChoicesBalancer()
            : new RoundRobinBalancer());

        // Not the forwarder's client: lookups have their own timeout and must not queue behind
        // invocations. As for reports, the handler lives as long as the sidecar and pooled connections
        // are recycled instead, so a catalog Service that moves is found again through DNS.
        services.AddHttpClient<CatalogEndpointsClient>(http => http.Timeout = options.RequestTimeout)
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
