using Microsoft.Extensions.DependencyInjection.Extensions;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Alerts;

internal static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Alerts (section <c>Alerts</c>, validated at start-up): the alert store in the shared SQLite database, the
    /// enricher and the Alertmanager API client; with <c>Alerts:UseKubernetes</c>, the cluster client the enricher reads pods with. The receiver hands changes to every registered
    /// <see cref="IAlertNotifier"/> (functions/Notifications registers its own); none is registered here.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertsOptions>()
            .Bind(configuration.GetSection(AlertsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteAlertStore>();
        services.AddSingleton<IAlertStore>(provider => provider.GetRequiredService<SqliteAlertStore>());
        services.AddSingleton<AlertEnricher>();
        services.AddSingleton<AlertmanagerClient>();
        if (configuration.GetValue<bool>($"{AlertsOptions.Section}:{nameof(AlertsOptions.UseKubernetes)}"))
        {
            services.AddKubernetesClient(configuration, $"{AlertsOptions.Section}:{nameof(AlertsOptions.UseKubernetes)}");
            services.AddSingleton<PodStatusReader>();
        }

        return services;
    }

    /// <summary>The alert functions, under the host.json route prefix.</summary>
    public static RouteGroupBuilder MapAlertFunctions(this RouteGroupBuilder api)
    {
        api.MapFunction<ReceiveAlerts>();
        api.MapFunction<ListAlerts>();
        api.MapFunction<GetAlert>();
        api.MapFunction<AcknowledgeAlert>();
        api.MapFunction<CreateSilence>();
        api.MapFunction<ListSilences>();
        api.MapFunction<ExpireSilence>();
        return api;
    }
}
