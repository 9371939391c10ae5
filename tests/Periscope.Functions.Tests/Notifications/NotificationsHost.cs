using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Alerts;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Notifications.Doubles;

namespace Periscope.Functions.Tests.Notifications;

/// <summary>
/// The functions host (<see cref="FunctionsTestServer"/>) with fast retries, a generous rate limit, one channel
/// from configuration, a <see cref="RobotReceiver"/> and an <see cref="SmtpReceiver"/> on loopback, and an admin
/// key every request presents. Tests share one and each uses its own channel names and alert ids.
/// </summary>
public sealed class NotificationsHost : IAsyncLifetime
{
    public const string AdminKey = "notify-tests-bootstrap-key-0123456789ab";
    public const string ConfiguredSecret = "configured-webhook-secret-value";

    private FunctionsTestServer? _server;

    public HttpClient Client { get; private set; } = new();

    internal RobotReceiver Receiver { get; private set; } = null!;

    internal SmtpReceiver Smtp { get; private set; } = null!;

    internal IAlertNotifier Notifier => _server!.App.Services.GetRequiredService<IAlertNotifier>();

    internal FunctionsTestServer Server => _server!;

    /// <summary>Extra settings of a host started with <see cref="StartServerAsync"/>.</summary>
    internal static IEnumerable<string> Settings(RobotReceiver receiver, params string[] more) =>
    [
        "--Catalog:ReportToken=notify-tests-report-token-0123456789",
        $"--Access:BootstrapKey={AdminKey}",
        "--Notifications:InitialBackoff=00:00:00.010",
        "--Notifications:MaxBackoff=00:00:00.050",
        "--Notifications:PollInterval=00:00:00.100",
        "--Notifications:MaxAttempts=3",
        "--Notifications:Channels:configured-hook:Type=webhook",
        $"--Notifications:Channels:configured-hook:Url={receiver.Url("/hook/configured")}",
        $"--Notifications:Channels:configured-hook:Secret={ConfiguredSecret}",
        "--Notifications:Channels:configured-hook:Severities:0=none-such",
        .. more,
    ];

    public async Task InitializeAsync()
    {
        Receiver = await RobotReceiver.StartAsync();
        Smtp = new SmtpReceiver();
        _server = await FunctionsTestServer.StartAsync(Settings(Receiver, "--Notifications:MessagesPerWindow=1000"));
        Client = _server.CreateClient(AdminKey);
    }

    public async Task CreateChannelAsync(object channel)
    {
        using var response = await Client.PostAsJsonAsync("/api/alerts/channels", channel);
        Assert.True(response.IsSuccessStatusCode, $"POST channel: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task<JsonElement> GetJsonAsync(string path) => FunctionsTestServer.GetJsonAsync(Client, path);

    /// <summary>The channel's deliveries, newest first, once <paramref name="done"/> holds for them.</summary>
    public static async Task<JsonElement[]> WaitForDeliveriesAsync(HttpClient client, string channel, Func<JsonElement[], bool> done, string what)
    {
        JsonElement[] items = [];
        await Eventually.TrueAsync(
            async () =>
            {
                var page = await FunctionsTestServer.GetJsonAsync(client, $"/api/alerts/deliveries?channel={channel}&limit=500");
                items = page.GetProperty("items").EnumerateArray().ToArray();
                return done(items);
            },
            what);
        return items;
    }

    public Task<JsonElement[]> WaitForDeliveriesAsync(string channel, Func<JsonElement[], bool> done, string what) =>
        WaitForDeliveriesAsync(Client, channel, done, what);

    public static bool AllFinished(JsonElement[] items) =>
        items.Length > 0 && items.All(item => item.GetProperty("status").GetString() != "pending");

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
