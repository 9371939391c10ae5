using System.Text.Json;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Notifications.Doubles;

namespace Periscope.Functions.Tests.Notifications;

/// <summary>A storm: 1,000 alerts in 100 notices against a tight rate limit — few messages, nothing lost.</summary>
public sealed class NotificationStormTests
{
    [Fact]
    public async Task Dispatch_Storm1000Alerts_BoundedMessagesAndNoneLost()
    {
        await using var receiver = await RobotReceiver.StartAsync();
        await using var server = await FunctionsTestServer.StartAsync(NotificationsHost.Settings(
            receiver,
            "--Notifications:MessagesPerWindow=2",
            "--Notifications:RateWindow=00:00:00.500",
            "--Notifications:MaxAlertsPerMessage=10"));
        using var client = server.CreateClient(NotificationsHost.AdminKey);
        foreach (var channel in new object[]
        {
            new { name = "storm-hook", type = "webhook", url = receiver.Url("/hook/storm") },
            new { name = "storm-ding", type = "dingtalk", url = receiver.Url("/robot/send?access_token=storm") },
        })
        {
            using var created = await client.PostAsync("/api/alerts/channels", JsonContent(channel));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var notifier = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Periscope.Functions.Alerts.IAlertNotifier>(server.App.Services);
        var started = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 100).Select(group =>
            notifier.NotifyAsync(NotificationSamples.Notice($"g-storm-{group}", NotificationSamples.Many(100_000 + (group * 10), 10)), CancellationToken.None).AsTask()));

        var hookDeliveries = await NotificationsHost.WaitForDeliveriesAsync(
            client, "storm-hook", items => items.Length == 100 && NotificationsHost.AllFinished(items), "every webhook notice is delivered");
        var dingDeliveries = await NotificationsHost.WaitForDeliveriesAsync(
            client, "storm-ding", items => items.Length == 100 && NotificationsHost.AllFinished(items), "every DingTalk notice is delivered");
        var elapsed = DateTimeOffset.UtcNow - started;

        Assert.All(hookDeliveries.Concat(dingDeliveries), item => Assert.Equal("delivered", item.GetProperty("status").GetString()));
        var hookMessages = receiver.RequestsTo("/hook/storm");
        var fingerprints = hookMessages
            .SelectMany(message => message.Json().GetProperty("alerts").EnumerateArray().Select(alert => alert.GetProperty("fingerprint").GetString()))
            .ToHashSet();
        Assert.Equal(1000, fingerprints.Count);

        // Two messages per half second per channel, so at most 2 × (elapsed / 0.5 s + 1) each.
        var bound = 2 * ((int)(elapsed.TotalSeconds / 0.5) + 1);
        var dingMessages = receiver.RequestsTo("/robot/send");
        Assert.InRange(hookMessages.Count, 1, Math.Min(bound, 50));
        Assert.InRange(dingMessages.Count, 1, Math.Min(bound, 50));
        Assert.Contains(
            dingMessages,
            message => message.Json().GetProperty("markdown").GetProperty("text").GetString()!.Contains("条告警未列出", StringComparison.Ordinal));
    }

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
