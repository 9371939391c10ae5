using System.Text.Json.Nodes;

namespace Periscope.Monitoring.Stack;

/// <summary>
/// alertmanager.yml from an <see cref="AlertmanagerSetup"/>; field names from
/// prometheus.io/docs/alerting/0.25/configuration/ (route, webhook_config, http_config).
/// </summary>
internal static class AlertmanagerConfig
{
    public const string Receiver = "periscope";

    public static JsonObject Render(AlertmanagerSetup setup)
    {
        if (setup.BearerToken is not null && setup.BasicAuth is not null)
        {
            throw new ArgumentException("Set a bearer token or basic auth for the webhook, not both.", nameof(setup));
        }

        var webhook = new JsonObject
        {
            ["url"] = setup.WebhookUrl.AbsoluteUri,
            ["send_resolved"] = true,
            ["max_alerts"] = 0,
        };
        if (setup.BearerToken is { } token)
        {
            webhook["http_config"] = new JsonObject
            {
                ["authorization"] = new JsonObject { ["type"] = "Bearer", ["credentials"] = token },
            };
        }
        else if (setup.BasicAuth is { } basic)
        {
            webhook["http_config"] = new JsonObject
            {
                ["basic_auth"] = new JsonObject { ["username"] = basic.Username, ["password"] = basic.Password },
            };
        }

        return new JsonObject
        {
            ["global"] = new JsonObject { ["resolve_timeout"] = StackConfigFile.Duration(setup.ResolveTimeout) },
            ["route"] = new JsonObject
            {
                ["receiver"] = Receiver,
                ["group_by"] = StackConfigFile.Strings(setup.GroupBy),
                ["group_wait"] = StackConfigFile.Duration(setup.GroupWait),
                ["group_interval"] = StackConfigFile.Duration(setup.GroupInterval),
                ["repeat_interval"] = StackConfigFile.Duration(setup.RepeatInterval),
            },
            ["receivers"] = new JsonArray(new JsonObject
            {
                ["name"] = Receiver,
                ["webhook_configs"] = new JsonArray(webhook),
            }),
        };
    }
}
