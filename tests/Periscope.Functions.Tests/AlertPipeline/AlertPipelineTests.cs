using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.Functions.Tests.Alerts;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Notifications;
using Periscope.Functions.Tests.Notifications.Doubles;
using Xunit.Abstractions;

namespace Periscope.Functions.Tests.AlertPipeline;

/// <summary>
/// Issue 6, "Tests": a threshold rule made to fire goes Prometheus → Alertmanager → Periscope → the DingTalk,
/// Feishu and WeCom robots, is recorded, resolves when the threshold is raised, and is stored once however often
/// it is delivered. Each test has its own rule and channels (routed on <c>periscope_rule</c>) on the shared stack.
/// </summary>
public sealed class AlertPipelineTests(AlertPipelineFixture stack, ITestOutputHelper output) : IClassFixture<AlertPipelineFixture>
{
    private static readonly string[] RobotTypes = ["dingtalk", "feishu", "wecom"];

    [Fact]
    public async Task ThresholdRule_MadeToFire_StoredAndDeliveredSignedToEachRobot()
    {
        const string rule = "pipeline-fires";
        var clock = Stopwatch.StartNew();
        await CreateChannelsAsync(rule);

        var putAt = DateTimeOffset.UtcNow;
        var publication = await PutRuleAsync(rule, threshold: 0.01, HttpStatusCode.Created);

        Assert.True(publication.GetProperty("prometheusReloaded").GetBoolean(), publication.GetRawText());
        Assert.Contains("\"pipeline_fires\"", await File.ReadAllTextAsync(stack.RuleFile), StringComparison.Ordinal);
        var alert = await WaitForAlertAsync(rule, "firing");
        var fired = clock.Elapsed;
        var prometheusFired = alert.GetProperty("startsAt").GetDateTimeOffset() - putAt;
        var periscopeStored = alert.GetProperty("firstSeen").GetDateTimeOffset() - putAt;
        Assert.Equal(rule, alert.GetProperty("labels").GetProperty("periscope_rule").GetString());
        Assert.Equal(stack.Instance, alert.GetProperty("labels").GetProperty("instance").GetString());
        Assert.Equal("pipeline_fires", alert.GetProperty("labels").GetProperty("alertname").GetString());
        var id = alert.GetProperty("id").GetInt64();
        foreach (var robot in RobotTypes)
        {
            var delivery = Assert.Single(await WaitForDeliveriesAsync(rule, robot, 1));
            Assert.Equal("delivered", delivery.GetProperty("status").GetString());
            Assert.Equal([id], delivery.GetProperty("alertIds").EnumerateArray().Select(item => item.GetInt64()));
        }

        var dingTalk = Assert.Single(RequestsOf(rule, "dingtalk"));
        Assert.True(dingTalk.SignatureValid, "DingTalk signature: " + dingTalk.Query);
        Assert.Equal("[告警 1] pipeline_fires", dingTalk.Json().GetProperty("markdown").GetProperty("title").GetString());
        var feishu = Assert.Single(RequestsOf(rule, "feishu"));
        Assert.True(feishu.SignatureValid, "Feishu signature: " + feishu.Body);
        Assert.Equal("red", feishu.Json().GetProperty("card").GetProperty("header").GetProperty("template").GetString());
        var weCom = Assert.Single(RequestsOf(rule, "wecom"));
        Assert.True(weCom.SignatureValid, "WeCom format: " + weCom.Body);
        Assert.StartsWith("### [告警 1] pipeline_fires\n", weCom.Json().GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        output.WriteLine(
            $"stack start {stack.StartTime.TotalSeconds:0.00} s; after the PUT: Prometheus fired +{prometheusFired.TotalSeconds:0.00} s, "
            + $"Periscope stored +{periscopeStored.TotalSeconds:0.00} s, test saw it {fired.TotalSeconds:0.00} s, 3 robots delivered {clock.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task ThresholdRule_ThresholdRaised_ResolvesAndRobotsGetTheResolution()
    {
        const string rule = "pipeline-resolves";
        var clock = Stopwatch.StartNew();
        await CreateChannelsAsync(rule);
        await PutRuleAsync(rule, threshold: 0.01, HttpStatusCode.Created);
        var id = (await WaitForAlertAsync(rule, "firing")).GetProperty("id").GetInt64();
        var fired = clock.Elapsed;

        // A memory ratio is at most 1, and validation refuses a ratio threshold above 1: 1 is as high as it goes.
        var publication = await PutRuleAsync(rule, threshold: 1, HttpStatusCode.OK);

        Assert.True(publication.GetProperty("prometheusReloaded").GetBoolean(), publication.GetRawText());
        await WaitForAlertAsync(rule, "resolved");
        var resolved = clock.Elapsed;
        var detail = await FunctionsTestServer.GetJsonAsync(stack.Client, $"/api/alerts/{id}");
        Assert.Equal("resolved", detail.GetProperty("alert").GetProperty("status").GetString());
        Assert.Equal(["firing", "resolved"], detail.GetProperty("history").EnumerateArray().Select(entry => entry.GetProperty("state").GetString()));
        foreach (var robot in RobotTypes)
        {
            var deliveries = await WaitForDeliveriesAsync(rule, robot, 2);
            Assert.All(deliveries, delivery => Assert.Equal("delivered", delivery.GetProperty("status").GetString()));
        }

        var dingTalk = RequestsOf(rule, "dingtalk");
        Assert.Equal(2, dingTalk.Count);
        Assert.All(dingTalk, request => Assert.True(request.SignatureValid));
        Assert.Equal("[恢复 1] pipeline_resolves", dingTalk[1].Json().GetProperty("markdown").GetProperty("title").GetString());
        var feishu = RequestsOf(rule, "feishu");
        Assert.All(feishu, request => Assert.True(request.SignatureValid));
        Assert.Equal("green", feishu[1].Json().GetProperty("card").GetProperty("header").GetProperty("template").GetString());
        var weCom = RequestsOf(rule, "wecom");
        Assert.All(weCom, request => Assert.True(request.SignatureValid));
        Assert.StartsWith("### [恢复 1] pipeline_resolves\n", weCom[1].Json().GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        output.WriteLine($"rule PUT → stored firing {fired.TotalSeconds:0.00} s; raised → stored resolved {(resolved - fired).TotalSeconds:0.00} s; → robots got the resolution {clock.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Alertmanager_SameAlertDeliveredTwice_StoredOnceWithHistoryUnchanged()
    {
        const string rule = "pipeline-repeats";
        var clock = Stopwatch.StartNew();
        await CreateChannelsAsync(rule);
        await PutRuleAsync(rule, threshold: 0.01, HttpStatusCode.Created);
        var alert = await WaitForAlertAsync(rule, "firing");
        var id = alert.GetProperty("id").GetInt64();
        await WaitForDeliveriesAsync(rule, "wecom", 1);
        var history = (await FunctionsTestServer.GetJsonAsync(stack.Client, $"/api/alerts/{id}")).GetProperty("history").GetRawText();

        // Alertmanager's own repeat (repeat_interval 1 s): the group comes again, only lastSeen moves.
        var lastSeen = alert.GetProperty("lastSeen").GetDateTimeOffset();
        await Eventually.TrueAsync(
            async () => (await WaitForAlertAsync(rule, "firing")).GetProperty("lastSeen").GetDateTimeOffset() > lastSeen,
            "Alertmanager repeated the firing group");
        var repeated = clock.Elapsed;

        // The same alert once more, rebuilt from what Alertmanager holds (API v2), as its webhook would carry it.
        using var response = await stack.AlertmanagerClient.PostAsync(
            "/api/alerts/alertmanager",
            new StringContent(await RebuildPayloadAsync(rule, alert.GetProperty("groupKey").GetString()!), Encoding.UTF8, "application/json"));

        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, receipt.GetRawText());
        Assert.Equal((1, 0, 1), (receipt.GetProperty("received").GetInt32(), receipt.GetProperty("changed").GetInt32(), receipt.GetProperty("unchanged").GetInt32()));
        var stored = Assert.Single(await AlertsOfAsync(rule, "all"));
        Assert.Equal(id, stored.GetProperty("id").GetInt64());
        Assert.Equal(history, (await FunctionsTestServer.GetJsonAsync(stack.Client, $"/api/alerts/{id}")).GetProperty("history").GetRawText());
        foreach (var robot in RobotTypes)
        {
            Assert.Single(await WaitForDeliveriesAsync(rule, robot, 1));
            Assert.Single(RequestsOf(rule, robot));
        }

        output.WriteLine($"rule PUT → firing, delivered, repeated by Alertmanager {repeated.TotalSeconds:0.00} s; whole test {clock.Elapsed.TotalSeconds:0.00} s");
    }

    /// <summary>One channel per robot, each routed to this rule's alerts only, with the robots' secrets (WeCom has no signing).</summary>
    private async Task CreateChannelsAsync(string rule)
    {
        var route = new { matchers = new Dictionary<string, string> { ["periscope_rule"] = rule } };
        object[] channels =
        [
            new { name = Channel(rule, "dingtalk"), type = "dingtalk", route, url = stack.Robots.Url($"/robot/send?access_token={rule}"), secret = AlertPipelineFixture.DingTalkSecret },
            new { name = Channel(rule, "feishu"), type = "feishu", route, url = stack.Robots.Url($"/open-apis/bot/v2/hook/{rule}"), secret = AlertPipelineFixture.FeishuSecret },
            new { name = Channel(rule, "wecom"), type = "wecom", route, url = stack.Robots.Url($"/cgi-bin/webhook/send?key={rule}") },
        ];
        foreach (var channel in channels)
        {
            using var response = await stack.Client.PostAsJsonAsync("/api/alerts/channels", channel);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST channel: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>PUTs a node-memory rule on the test's node_exporter with the shortest <c>for</c>; returns its <c>publication</c>.</summary>
    private async Task<JsonElement> PutRuleAsync(string rule, double threshold, HttpStatusCode expected)
    {
        using var response = await stack.Client.PutAsJsonAsync($"/api/alerts/rules/{rule}", new
        {
            target = "node",
            metric = "memory",
            selector = new { node = stack.Instance },
            threshold,
            @for = "0s",
            severity = "critical",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"PUT rule: {(int)response.StatusCode} {body}");

        // Prometheus 2.42 forgets its Alertmanagers on every reload until discovery's next update (at most 5 s) and
        // drops what fires meanwhile until the resend delay (prometheus/prometheus#13064, fixed in #14987): waiting
        // for them here keeps that known delay out of the deadline of the alert's own path.
        await stack.Prometheus.WaitForAlertmanagersAsync();
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("publication").Clone();
    }

    /// <summary>The rule's one alert once it is in <paramref name="state"/>.</summary>
    private async Task<JsonElement> WaitForAlertAsync(string rule, string state)
    {
        JsonElement[] items = [];
        await Eventually.TrueAsync(async () => (items = await AlertsOfAsync(rule, state)).Length > 0, $"the alert of rule {rule} is {state} in GET /api/alerts");
        return Assert.Single(items);
    }

    private async Task<JsonElement[]> AlertsOfAsync(string rule, string state)
    {
        var page = await FunctionsTestServer.GetJsonAsync(stack.Client, $"/api/alerts?state={state}&label={Uri.EscapeDataString($"periscope_rule={rule}")}");
        return page.GetProperty("items").EnumerateArray().ToArray();
    }

    private Task<JsonElement[]> WaitForDeliveriesAsync(string rule, string robot, int count) =>
        NotificationsHost.WaitForDeliveriesAsync(
            stack.Client,
            Channel(rule, robot),
            items => items.Length >= count && NotificationsHost.AllFinished(items),
            $"{count} message(s) to {robot} finished for rule {rule}");

    private List<ReceivedRequest> RequestsOf(string rule, string robot) => robot switch
    {
        "dingtalk" => stack.Robots.RequestsTo("/robot/send").Where(request => request.Query.Contains($"access_token={rule}&", StringComparison.Ordinal)).ToList(),
        "feishu" => stack.Robots.RequestsTo($"/open-apis/bot/v2/hook/{rule}").ToList(),
        _ => stack.Robots.RequestsTo("/cgi-bin/webhook/send").Where(request => request.Query == $"?key={rule}").ToList(),
    };

    /// <summary>
    /// A version-4 webhook payload (prometheus.io/docs/alerting/0.25/configuration/#webhook_config) of the rule's alert
    /// as Alertmanager's API v2 (GET /api/v2/alerts) has it: fingerprint, startsAt, labels and annotations are Alertmanager's.
    /// </summary>
    private async Task<string> RebuildPayloadAsync(string rule, string groupKey)
    {
        var alerts = JsonNode.Parse(await stack.Alertmanager.GetJsonAsync("api/v2/alerts"))!.AsArray();
        var held = Assert.Single(alerts, item => item!["labels"]!["periscope_rule"]?.GetValue<string>() == rule)!;
        var alert = new JsonObject
        {
            ["status"] = "firing",
            ["labels"] = held["labels"]!.DeepClone(),
            ["annotations"] = held["annotations"]!.DeepClone(),
            ["startsAt"] = held["startsAt"]!.DeepClone(),
            ["endsAt"] = "0001-01-01T00:00:00Z",
            ["generatorURL"] = held["generatorURL"]!.DeepClone(),
            ["fingerprint"] = held["fingerprint"]!.DeepClone(),
        };
        return AlertPayloads.Group(groupKey, [alert]);
    }

    private static string Channel(string rule, string robot) => $"{rule}-{robot}";
}
