using System.Text.Json.Nodes;

namespace Periscope.Monitoring.Stack;

/// <summary>
/// prometheus.yml from a <see cref="PrometheusSetup"/>; field names from
/// prometheus.io/docs/prometheus/2.42/configuration/configuration/.
/// </summary>
internal static class PrometheusConfig
{
    public static JsonObject Render(PrometheusSetup setup)
    {
        var global = new JsonObject
        {
            ["scrape_interval"] = StackConfigFile.Duration(setup.ScrapeInterval),
            // The default scrape_timeout (10 s) must not exceed scrape_interval: the config would be refused.
            ["scrape_timeout"] = StackConfigFile.Duration(setup.ScrapeInterval),
            ["evaluation_interval"] = StackConfigFile.Duration(setup.EvaluationInterval),
        };
        if (setup.ExternalLabels.Count > 0)
        {
            global["external_labels"] = Labels(setup.ExternalLabels);
        }

        var document = new JsonObject
        {
            ["global"] = global,
            ["rule_files"] = StackConfigFile.Strings(setup.RuleFiles),
            ["scrape_configs"] = new JsonArray(setup.ScrapeTargets.Select(Scrape).ToArray()),
        };
        if (setup.Alertmanagers.Count > 0)
        {
            document["alerting"] = new JsonObject
            {
                ["alertmanagers"] = new JsonArray(setup.Alertmanagers.Select(Alertmanager).ToArray()),
            };
        }

        return document;
    }

    private static JsonNode Scrape(ScrapeTarget target)
    {
        var address = target.MetricsAddress;
        var job = new JsonObject
        {
            ["job_name"] = target.JobName,
            ["scheme"] = address.Scheme,
            ["metrics_path"] = address.AbsolutePath is "" or "/" ? "/metrics" : address.AbsolutePath,
            ["static_configs"] = new JsonArray(new JsonObject
            {
                ["targets"] = StackConfigFile.Strings([StackConfigFile.HostPort(address)]),
                ["labels"] = Labels(target.Labels),
            }),
        };
        if (target.ScrapeInterval is { } interval)
        {
            job["scrape_interval"] = StackConfigFile.Duration(interval);
            job["scrape_timeout"] = StackConfigFile.Duration(interval);
        }

        if (target.BearerToken is { } token)
        {
            job["authorization"] = new JsonObject { ["type"] = "Bearer", ["credentials"] = token };
        }

        return job;
    }

    private static JsonNode Alertmanager(Uri address) => new JsonObject
    {
        ["api_version"] = "v2",
        ["scheme"] = address.Scheme,
        ["path_prefix"] = address.AbsolutePath,
        ["static_configs"] = new JsonArray(new JsonObject
        {
            ["targets"] = StackConfigFile.Strings([StackConfigFile.HostPort(address)]),
        }),
    };

    private static JsonObject Labels(IReadOnlyDictionary<string, string> labels) =>
        new(labels.Select(label => KeyValuePair.Create(label.Key, (JsonNode?)label.Value)));
}
