using Microsoft.Extensions.DependencyInjection.Extensions;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.AlertRules;

internal static class AlertRulesServiceCollectionExtensions
{
    /// <summary>
    /// Threshold rules (section <c>AlertRules</c>, validated at start-up): their SQLite store, the publisher that
    /// renders them to a rule file and a PrometheusRule, and a first publication at start.
    /// </summary>
    public static IServiceCollection AddAlertRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertRulesOptions>()
            .Bind(configuration.GetSection(AlertRulesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteAlertRuleStore>();
        services.AddSingleton<IAlertRuleStore>(provider => provider.GetRequiredService<SqliteAlertRuleStore>());
        services.AddSingleton<AlertRulePublisher>();
        services.AddHostedService<AlertRulesStartup>();
        if (configuration.GetValue<bool>($"{AlertRulesOptions.Section}:{nameof(AlertRulesOptions.ApplyToCluster)}"))
        {
            services.AddKubernetesClient(configuration, $"{AlertRulesOptions.Section}:{nameof(AlertRulesOptions.ApplyToCluster)}");
            services.AddSingleton<IPrometheusRuleApplier, KubernetesPrometheusRuleApplier>();
        }

        return services;
    }

    /// <summary>The threshold rule functions, under the host.json route prefix.</summary>
    public static RouteGroupBuilder MapAlertRuleFunctions(this RouteGroupBuilder api)
    {
        api.MapFunction<CreateAlertRule>();
        api.MapFunction<ListAlertRules>();
        api.MapFunction<RenderAlertRules>();
        api.MapFunction<GetAlertRule>();
        api.MapFunction<ReplaceAlertRule>();
        api.MapFunction<DeleteAlertRule>();
        return api;
    }
}
