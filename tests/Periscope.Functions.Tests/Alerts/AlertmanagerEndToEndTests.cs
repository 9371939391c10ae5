using AlertFingerprint = Periscope.Functions.Alerts.AlertFingerprint;
using Periscope.Functions.Tests.Hosting;
using Periscope.Monitoring.Stack;

namespace Periscope.Functions.Tests.Alerts;

/// <summary>Alertmanager → our receiver on loopback (bearer token in http_config) → stored, deduplicated, resolved.</summary>
public sealed class AlertmanagerEndToEndTests(AlertmanagerStackFixture fixture) : IClassFixture<AlertmanagerStackFixture>
{
    private AlertsHost Host => fixture.Host;

    [Fact]
    public async Task Alertmanager_PostedAlertFiresThenResolves_StoredOnceWithBothStates()
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "EndToEnd", ["namespace"] = "ns-e2e", ["severity"] = "critical" };
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(-5);

        await fixture.Alertmanager.PostAlertsAsync([new AlertmanagerAlert(labels) { StartsAt = startsAt }]);
        await Eventually.TrueAsync(async () => await CountAsync("state=firing") == 1, "Alertmanager delivered the firing alert");
        await fixture.Alertmanager.PostAlertsAsync([new AlertmanagerAlert(labels) { StartsAt = startsAt, EndsAt = DateTimeOffset.UtcNow.AddSeconds(-1) }]);
        await Eventually.TrueAsync(async () => await CountAsync("state=resolved") == 1, "Alertmanager delivered the resolution");

        Assert.Equal(1, await CountAsync("state=all"));
        var notices = Host.Notifier.For("{}:{alertname=\"EndToEnd\"}");
        Assert.Equal(["firing", "resolved"], notices.Select(notice => notice.Alerts.Single().Status));
        Assert.All(notices, notice => Assert.Equal("ns-e2e", notice.Alerts.Single().Enrichment.Namespace));

        // What the receiver computes for payloads without a fingerprint is what Alertmanager itself sends.
        Assert.Equal(AlertFingerprint.Of(labels), notices[0].Alerts.Single().Fingerprint);
    }

    [Fact]
    public async Task Alertmanager_StormOf1000_AllStored()
    {
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(-5);
        var alerts = Enumerable.Range(0, 1000).Select(i => new AlertmanagerAlert(new Dictionary<string, string>
        {
            ["alertname"] = "EndToEndStorm",
            ["namespace"] = "ns-e2e-storm",
            ["pod"] = $"pod-{i}",
        }) { StartsAt = startsAt });

        await fixture.Alertmanager.PostAlertsAsync(alerts);

        await Eventually.TrueAsync(async () => await CountAsync("state=all", "ns-e2e-storm") == 1000, "all 1,000 alerts stored");
        Assert.Equal(1000, Host.Notifier.For("{}:{alertname=\"EndToEndStorm\"}").Sum(notice => notice.Alerts.Count));
    }

    private async Task<int> CountAsync(string query, string ns = "ns-e2e") =>
        (await Host.GetJsonAsync($"/api/alerts?{query}&namespace={ns}&limit=1000")).GetProperty("items").GetArrayLength();
}
