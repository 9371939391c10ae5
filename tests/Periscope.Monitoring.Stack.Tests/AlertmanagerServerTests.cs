using System.Text;
using System.Text.Json;

namespace Periscope.Monitoring.Stack.Tests;

public sealed class AlertmanagerServerTests
{
    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PostAlertsAsync_BearerToken_ForwardedToWebhookWithToken()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var alertmanager = await AlertmanagerServer.StartAsync(new AlertmanagerSetup(receiver.Url) { BearerToken = "s3cret" });

        await alertmanager.PostAlertsAsync([Alert("NodeCpuHigh")]);
        var delivery = await receiver.NextAsync(DeliveryDeadline);

        Assert.Equal("Bearer s3cret", delivery.Authorization);
        using var payload = JsonDocument.Parse(delivery.Body);
        Assert.Equal("4", payload.RootElement.GetProperty("version").GetString());
        Assert.Equal("firing", payload.RootElement.GetProperty("status").GetString());
        var alert = Assert.Single(payload.RootElement.GetProperty("alerts").EnumerateArray());
        Assert.Equal("NodeCpuHigh", alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("node-1", alert.GetProperty("labels").GetProperty("instance").GetString());
    }

    [Fact]
    public async Task PostAlertsAsync_BasicAuth_ForwardedWithCredentials()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var alertmanager = await AlertmanagerServer.StartAsync(
            new AlertmanagerSetup(receiver.Url) { BasicAuth = new AlertmanagerBasicAuth("am", "p:w") });

        await alertmanager.PostAlertsAsync([Alert("DiskFull")]);
        var delivery = await receiver.NextAsync(DeliveryDeadline);

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("am:p:w")), delivery.Authorization);
    }

    [Fact]
    public async Task StartAsync_BearerAndBasicAuth_Throws()
    {
        var setup = new AlertmanagerSetup(new Uri("http://127.0.0.1:1/hook"))
        {
            BearerToken = "t",
            BasicAuth = new AlertmanagerBasicAuth("u", "p"),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => AlertmanagerServer.StartAsync(setup));
    }

    private static AlertmanagerAlert Alert(string name) => new(new Dictionary<string, string>
    {
        ["alertname"] = name,
        ["instance"] = "node-1",
        ["severity"] = "warning",
    })
    {
        Annotations = new Dictionary<string, string> { ["summary"] = "a \"quoted\" summary" },
    };
}
