using Periscope.Functions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Periscope.Functions.Monitoring;

internal static class MonitoringServiceCollectionExtensions
{
    /// <summary>Monitoring (section <c>Monitoring</c>, validated at start-up): the Prometheus client, the PromQL templates and the readers.</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitoringOptions>()
            .Bind(configuration.GetSection(MonitoringOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PrometheusClient>();
        services.AddSingleton<NodeQueries>();
        services.AddSingleton<PodQueries>();
        services.AddSingleton<OperationQueries>();
        services.AddSingleton<TopQueries>();
        services.AddSingleton<NodeReader>();
        services.AddSingleton<PodReader>();
        services.AddSingleton<RangeReader>();
        return services;
    }

    /// <summary>The monitoring functions under <c>monitoring/</c>; a failed Prometheus query becomes problem+json (<see cref="PrometheusProblemFilter"/>).</summary>
    public static RouteGroupBuilder MapMonitoringFunctions(this RouteGroupBuilder api)
    {
        var monitoring = api.MapGroup("monitoring").AddEndpointFilter<PrometheusProblemFilter>();
        monitoring.MapFunction<ListNodes>();
        monitoring.MapFunction<GetNode>();
        monitoring.MapFunction<GetNodeRange>();
        monitoring.MapFunction<ListPods>();
        monitoring.MapFunction<GetPodRange>();
        monitoring.MapFunction<ListTop>();
        monitoring.MapFunction<ListOperationMetrics>();
        monitoring.MapFunction<GetOperationRange>();
        return api;
    }
}
