using System.Text;
using System.Text.Json;
using Periscope.Functions.Tests.Notifications.Doubles;

namespace Periscope.Functions.Tests.Notifications;

/// <summary>Notices through the outbox to the robots on loopback: signatures, formats, retries.</summary>
[Collection(SharedNotificationsHost.Name)]
public sealed class NotificationDispatcherTests(NotificationsHost host)
{
    [Fact]
    public async Task Dispatch_DingTalkWithSecret_SignatureVerifiedByReceiver()
    {
        host.Receiver.DingTalkSecret = "SECdingtalk-test-secret-0001";
        await host.CreateChannelAsync(new
        {
            name = "ding-signed",
            route = Only("ding-signed"),
            type = "dingtalk",
            url = host.Receiver.Url("/robot/send?access_token=ding-token-0001"),
            secret = "SECdingtalk-test-secret-0001",
        });

        await host.Notifier.NotifyAsync(NotificationSamples.Notice("g-ding", NotificationSamples.Alert(1001, ns: "ding-signed")), CancellationToken.None);

        var items = await host.WaitForDeliveriesAsync("ding-signed", NotificationsHost.AllFinished, "the DingTalk message is delivered");
        Assert.Equal("delivered", items.Single().GetProperty("status").GetString());
        var request = host.Receiver.Requests.Single(received => received.Query.Contains("ding-token-0001", StringComparison.Ordinal));
        Assert.True(request.SignatureValid);
        var body = request.Json();
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        Assert.Equal("[告警 1] HighCpu", body.GetProperty("markdown").GetProperty("title").GetString());
        Assert.Contains("**[告警] HighCpu** · critical", body.GetProperty("markdown").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_FeishuWithSecret_SignedCardVerifiedByReceiver()
    {
        host.Receiver.FeishuSecret = "feishu-test-secret-0002";
        await host.CreateChannelAsync(new
        {
            name = "feishu-signed",
            route = Only("feishu-signed"),
            type = "feishu",
            url = host.Receiver.Url("/open-apis/bot/v2/hook/feishu-token-0002"),
            secret = "feishu-test-secret-0002",
            language = "en",
        });

        await host.Notifier.NotifyAsync(
            NotificationSamples.Notice("g-feishu", NotificationSamples.Alert(2001, ns: "feishu-signed"), NotificationSamples.Alert(2002, ns: "feishu-signed", status: "resolved")), CancellationToken.None);

        var items = await host.WaitForDeliveriesAsync("feishu-signed", NotificationsHost.AllFinished, "the Feishu message is delivered");
        Assert.Equal("delivered", items.Single().GetProperty("status").GetString());
        var request = host.Receiver.RequestsTo("/open-apis/bot/v2/hook/feishu-token-0002").Single();
        Assert.True(request.SignatureValid);
        var body = request.Json();
        Assert.Equal("interactive", body.GetProperty("msg_type").GetString());
        var header = body.GetProperty("card").GetProperty("header");
        Assert.Equal("red", header.GetProperty("template").GetString());
        Assert.Equal("[FIRING 1 · RESOLVED 1] HighCpu", header.GetProperty("title").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Dispatch_WeComStorm_MarkdownWithin4096BytesAndCountsTheRest()
    {
        await host.CreateChannelAsync(new { name = "wecom-storm", route = Only("wecom-storm"), type = "wecom", url = host.Receiver.Url("/cgi-bin/webhook/send?key=wecom-key-0003") });

        await host.Notifier.NotifyAsync(NotificationSamples.Notice("g-wecom", NotificationSamples.Many(3000, 1000, ns: "wecom-storm")), CancellationToken.None);

        var items = await host.WaitForDeliveriesAsync("wecom-storm", NotificationsHost.AllFinished, "the WeCom message is delivered");
        Assert.Equal("delivered", items.Single().GetProperty("status").GetString());
        Assert.Equal(1000, items.Single().GetProperty("alertCount").GetInt32());
        var request = host.Receiver.Requests.Single(received => received.Query.Contains("wecom-key-0003", StringComparison.Ordinal));
        Assert.True(request.SignatureValid);
        var content = request.Json().GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.InRange(Encoding.UTF8.GetByteCount(content), 1000, 4096);
        Assert.Matches(@"……另有 9\d\d 条告警未列出", content);
        Assert.StartsWith("### [告警 1000] HighCpu\n", content, StringComparison.Ordinal);
        Assert.Contains("<font color=\"warning\">[告警]</font>", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_ServerErrorThenOk_RetriesAndRecordsBothAttempts()
    {
        host.Receiver.Script("/hook/retry-500", (500, "busy"));
        await host.CreateChannelAsync(new { name = "hook-500", route = Only("hook-500"), type = "webhook", url = host.Receiver.Url("/hook/retry-500") });

        await host.Notifier.NotifyAsync(NotificationSamples.Notice("g-500", NotificationSamples.Alert(4001, ns: "hook-500")), CancellationToken.None);

        var item = (await host.WaitForDeliveriesAsync("hook-500", NotificationsHost.AllFinished, "the webhook retried")).Single();
        Assert.Equal("delivered", item.GetProperty("status").GetString());
        var attempts = item.GetProperty("attemptLog").EnumerateArray().ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.Equal(("retry", 500), (attempts[0].GetProperty("outcome").GetString(), attempts[0].GetProperty("statusCode").GetInt32()));
        Assert.Equal(("delivered", 200), (attempts[1].GetProperty("outcome").GetString(), attempts[1].GetProperty("statusCode").GetInt32()));
        Assert.Equal(2, host.Receiver.RequestsTo("/hook/retry-500").Count);
    }

    [Fact]
    public async Task Dispatch_DingTalkRateLimitedErrcode_RetriesUntilOk()
    {
        host.Receiver.Script("/robot/send", (200, """{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}"""));
        await host.CreateChannelAsync(new { name = "ding-limited", route = Only("ding-limited"), type = "dingtalk", url = host.Receiver.Url("/robot/send?access_token=ding-token-0005") });
        host.Receiver.DingTalkSecret = null;

        await host.Notifier.NotifyAsync(NotificationSamples.Notice("g-130101", NotificationSamples.Alert(5001, ns: "ding-limited")), CancellationToken.None);

        var item = (await host.WaitForDeliveriesAsync("ding-limited", NotificationsHost.AllFinished, "the DingTalk message went out")).Single();
        Assert.Equal("delivered", item.GetProperty("status").GetString());
        var first = item.GetProperty("attemptLog")[0];
        Assert.Equal("retry", first.GetProperty("outcome").GetString());
        Assert.Equal(130101, first.GetProperty("errcode").GetInt64());
    }

    [Fact]
    public async Task Dispatch_BadRequest_FailsWithoutRetry()
    {
        host.Receiver.Script("/hook/bad-400", (400, """{"error":"bad"}"""), (200, "{}"));
        await host.CreateChannelAsync(new { name = "hook-400", route = Only("hook-400"), type = "webhook", url = host.Receiver.Url("/hook/bad-400") });

        await host.Notifier.NotifyAsync(NotificationSamples.Notice("g-400", NotificationSamples.Alert(6001, ns: "hook-400")), CancellationToken.None);

        var item = (await host.WaitForDeliveriesAsync("hook-400", NotificationsHost.AllFinished, "the webhook gave up")).Single();
        Assert.Equal("failed", item.GetProperty("status").GetString());
        var attempt = Assert.Single(item.GetProperty("attemptLog").EnumerateArray());
        Assert.Equal(400, attempt.GetProperty("statusCode").GetInt32());
        Assert.Single(host.Receiver.RequestsTo("/hook/bad-400"));
    }

    [Fact]
    public async Task Dispatch_RobotErrcodeOtherThanRateLimit_FailsWithoutRetry()
    {
        host.Receiver.Script("/cgi-bin/webhook/send", (200, """{"errcode":93000,"errmsg":"invalid webhook url"}"""));
        await host.CreateChannelAsync(new { name = "wecom-invalid", route = Only("wecom-invalid"), type = "wecom", url = host.Receiver.Url("/cgi-bin/webhook/send?key=wecom-key-0007") });

        await host.Notifier.NotifyAsync(NotificationSamples.Notice("g-93000", NotificationSamples.Alert(7001, ns: "wecom-invalid")), CancellationToken.None);

        var item = (await host.WaitForDeliveriesAsync("wecom-invalid", NotificationsHost.AllFinished, "the WeCom message failed")).Single();
        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.Equal(93000, item.GetProperty("attemptLog")[0].GetProperty("errcode").GetInt64());
        Assert.DoesNotContain("wecom-key-0007", item.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_WebhookWithSecret_BodySignedAndAlertmanagerShaped()
    {
        host.Receiver.WebhookSecret = "webhook-test-secret-0008";
        await host.CreateChannelAsync(new { name = "hook-signed", route = Only("hook-signed"), type = "webhook", url = host.Receiver.Url("/hook/signed"), secret = "webhook-test-secret-0008" });

        await host.Notifier.NotifyAsync(NotificationSamples.Notice("g-hook", NotificationSamples.Alert(8001, ns: "hook-signed"), NotificationSamples.Alert(8002, ns: "hook-signed")), CancellationToken.None);

        await host.WaitForDeliveriesAsync("hook-signed", NotificationsHost.AllFinished, "the webhook is delivered");
        var request = host.Receiver.RequestsTo("/hook/signed").Single();
        Assert.True(request.SignatureValid);
        var body = request.Json();
        Assert.Equal("4", body.GetProperty("version").GetString());
        Assert.Equal("g-hook", body.GetProperty("groupKey").GetString());
        Assert.Equal([8001L, 8002L], body.GetProperty("alerts").EnumerateArray().Select(alert => alert.GetProperty("periscope").GetProperty("id").GetInt64()));
        Assert.Equal("HighCpu", body.GetProperty("commonLabels").GetProperty("alertname").GetString());
    }

    [Fact]
    public async Task Dispatch_Email_SmtpServerGetsTextAndHtml()
    {
        await host.CreateChannelAsync(new
        {
            name = "mail",
            route = Only("mail"),
            type = "email",
            settings = new Dictionary<string, string>
            {
                ["host"] = "127.0.0.1",
                ["port"] = host.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["tls"] = "none",
                ["username"] = "alerts",
                ["from"] = "periscope@example.com",
                ["to"] = "ops@example.com; oncall@example.com",
            },
            secret = "smtp-password-0009",
            language = "en",
        });

        await host.Notifier.NotifyAsync(NotificationSamples.Notice("g-mail", NotificationSamples.Alert(9001, ns: "mail")), CancellationToken.None);

        var item = (await host.WaitForDeliveriesAsync("mail", NotificationsHost.AllFinished, "the e-mail is sent")).Single();
        Assert.True(item.GetProperty("status").GetString() == "delivered", item.GetRawText());
        var message = Assert.Single(host.Smtp.Messages);
        Assert.Equal(("alerts", "smtp-password-0009"), (message.Username, message.Password));
        Assert.Equal(["<ops@example.com>", "<oncall@example.com>"], message.To);
        Assert.Contains("multipart/alternative", message.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("text/html", message.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Subject: [FIRING 1] HighCpu", message.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_Routes_EachChannelGetsOnlyItsAlerts()
    {
        await host.CreateChannelAsync(new
        {
            name = "route-critical",
            type = "webhook",
            url = host.Receiver.Url("/hook/route-critical"),
            route = new { severities = new[] { "critical" }, namespaces = new[] { "route-shop" } },
        });
        await host.CreateChannelAsync(new
        {
            name = "route-payments",
            type = "webhook",
            url = host.Receiver.Url("/hook/route-payments"),
            route = new { namespaces = new[] { "route-payments" }, matchers = new Dictionary<string, string> { ["pod"] = "orders-1.*" } },
        });

        await host.Notifier.NotifyAsync(
            NotificationSamples.Notice(
                "g-route",
                NotificationSamples.Alert(10001, severity: "critical", ns: "route-shop"),
                NotificationSamples.Alert(10002, severity: "warning", ns: "route-payments"),
                NotificationSamples.Alert(20003, severity: "warning", ns: "route-payments")),
            CancellationToken.None);

        var critical = (await host.WaitForDeliveriesAsync("route-critical", NotificationsHost.AllFinished, "critical delivered")).Single();
        var payments = (await host.WaitForDeliveriesAsync("route-payments", NotificationsHost.AllFinished, "payments delivered")).Single();
        Assert.Equal([10001L], critical.GetProperty("alertIds").EnumerateArray().Select(id => id.GetInt64()));
        Assert.Equal([10002L], payments.GetProperty("alertIds").EnumerateArray().Select(id => id.GetInt64()));
        var byAlert = await host.GetJsonAsync("/api/alerts/deliveries?alertId=20003");
        Assert.Empty(byAlert.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TestChannel_Delivered_Returns200WithOutcome()
    {
        await host.CreateChannelAsync(new { name = "wecom-test", route = Only("wecom-test"), type = "wecom", url = host.Receiver.Url("/cgi-bin/webhook/send?key=wecom-key-0011") });

        using var response = await host.Client.PostAsync("/api/alerts/channels/wecom-test/test", null);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("delivered", body.RootElement.GetProperty("outcome").GetString());
        var sent = host.Receiver.Requests.Single(received => received.Query.Contains("wecom-key-0011", StringComparison.Ordinal));
        Assert.Contains("PeriscopeTestMessage", sent.Body, StringComparison.Ordinal);
    }

    /// <summary>A route admitting only alerts of namespace <paramref name="ns"/>: the tests share a host, so each keeps to its own alerts.</summary>
    private static object Only(string ns) => new { namespaces = new[] { ns } };
}
