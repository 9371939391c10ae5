using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Periscope.Functions.Tests.Notifications;

/// <summary>POST/GET/PUT/DELETE /api/alerts/channels: validation, secrets never read back, configured channels read-only.</summary>
[Collection(SharedNotificationsHost.Name)]
public sealed class ChannelFunctionsTests(NotificationsHost host)
{
    private const string Secret = "SECchannel-functions-secret-9f8e7d";
    private const string Token = "access-token-channel-functions-5a4b3c";

    [Fact]
    public async Task Reads_ChannelWithSecretAndToken_NeverShowEither()
    {
        await host.CreateChannelAsync(new
        {
            name = "secret-keeper",
            type = "dingtalk",
            url = host.Receiver.Url($"/robot/send?access_token={Token}"),
            secret = Secret,
            route = new { namespaces = new[] { "secret-keeper" } },
        });
        host.Receiver.Script("/robot/send", (500, $"upstream saw access_token={Token}"));
        host.Receiver.DingTalkSecret = null;
        await host.Notifier.NotifyAsync(NotificationSamples.Notice("g-secret", NotificationSamples.Alert(11001, ns: "secret-keeper")), CancellationToken.None);
        await host.WaitForDeliveriesAsync("secret-keeper", NotificationsHost.AllFinished, "the message is delivered after a retry");

        var one = await host.GetJsonAsync("/api/alerts/channels/secret-keeper");
        string[] reads =
        [
            one.GetRawText(),
            (await host.GetJsonAsync("/api/alerts/channels")).GetRawText(),
            (await host.GetJsonAsync("/api/alerts/deliveries?channel=secret-keeper")).GetRawText(),
            (await host.GetJsonAsync("/api/alerts/deliveries")).GetRawText(),
        ];
        foreach (var read in reads)
        {
            Assert.DoesNotContain(Secret, read, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, read, StringComparison.Ordinal);
            Assert.DoesNotContain("sign=", read, StringComparison.Ordinal);
        }

        Assert.True(one.GetProperty("secretSet").GetBoolean());
        Assert.EndsWith("/robot/send?access_token=***", one.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("upstream saw access_token=***", reads[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateChannel_Invalid_Returns400WithEveryField()
    {
        using var response = await host.Client.PostAsJsonAsync("/api/alerts/channels", new
        {
            name = "bad name!",
            type = "dingtalk",
            url = "http://oapi.dingtalk.com/robot/send",
            language = "fr",
            route = new { matchers = new Dictionary<string, string> { ["pod"] = "([" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(
            ["language", "name", "route.matchers.pod", "url"],
            errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, errors.GetProperty("url").GetArrayLength());
    }

    [Fact]
    public async Task UpdateChannel_SecretOmittedThenEmpty_KeepsThenRemovesIt()
    {
        var url = host.Receiver.Url("/open-apis/bot/v2/hook/update-token-1234");
        await host.CreateChannelAsync(new { name = "updatable", type = "feishu", url, secret = "feishu-secret-update" });

        using var kept = await host.Client.PutAsJsonAsync("/api/alerts/channels/updatable", new { type = "feishu", url, language = "en" });
        var afterKeep = await host.GetJsonAsync("/api/alerts/channels/updatable");
        using var removed = await host.Client.PutAsJsonAsync("/api/alerts/channels/updatable", new { type = "feishu", url, secret = "" });
        var afterRemove = await host.GetJsonAsync("/api/alerts/channels/updatable");

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.True(afterKeep.GetProperty("secretSet").GetBoolean());
        Assert.Equal("en", afterKeep.GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False(afterRemove.GetProperty("secretSet").GetBoolean());
        Assert.Equal(host.Receiver.Url("/open-apis/bot/v2/hook/***"), afterRemove.GetProperty("url").GetString());
    }

    [Fact]
    public async Task DeleteChannel_Created_Returns204ThenNotFound()
    {
        await host.CreateChannelAsync(new { name = "short-lived", type = "webhook", url = "https://hooks.example.com/x" });

        using var deleted = await host.Client.DeleteAsync("/api/alerts/channels/short-lived");
        using var again = await host.Client.GetAsync("/api/alerts/channels/short-lived");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task ConfiguredChannel_ListedReadOnly_ChangesReturn409()
    {
        var channel = await host.GetJsonAsync("/api/alerts/channels/configured-hook");
        using var put = await host.Client.PutAsJsonAsync("/api/alerts/channels/configured-hook", new { type = "webhook", url = "https://x.example.com" });
        using var delete = await host.Client.DeleteAsync("/api/alerts/channels/configured-hook");
        using var post = await host.Client.PostAsJsonAsync("/api/alerts/channels", new { name = "configured-hook", type = "webhook", url = "https://x.example.com" });

        Assert.Equal("configuration", channel.GetProperty("source").GetString());
        Assert.True(channel.GetProperty("secretSet").GetBoolean());
        Assert.DoesNotContain(NotificationsHost.ConfiguredSecret, channel.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(
            [HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
            new[] { put.StatusCode, delete.StatusCode, post.StatusCode });
    }

    [Fact]
    public async Task CreateChannel_WithoutKey_Returns401()
    {
        using var anonymous = host.Server.CreateClient(bearer: null);

        using var response = await anonymous.PostAsJsonAsync("/api/alerts/channels", new { name = "anon", type = "webhook", url = "https://x.example.com" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
