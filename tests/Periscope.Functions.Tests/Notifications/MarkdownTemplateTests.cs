using Periscope.Functions.Alerts;
using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class MarkdownTemplateTests
{
    private static readonly TimeZoneInfo Shanghai = NotificationTimeZone.TryFind("Asia/Shanghai")!;

    private static readonly AlertEnrichment Enriched = new(
        "shop", "orders", ["GET /orders", "POST /orders"], "Waiting: CrashLoopBackOff", 7, "https://portal.example.com/services/shop/orders", null);

    [Fact]
    public void Render_ChineseFiringDingTalk_WritesEveryField()
    {
        var digest = AlertDigest.From([NotificationSamples.Notice("g", NotificationSamples.Alert(1, enrichment: Enriched))]);

        var text = MarkdownTemplate.Render(digest, MessageTexts.Chinese, Shanghai, 20, wecom: false);

        Assert.Equal(
            """
            ### [告警 1] HighCpu

            **[告警] HighCpu** · critical
            - **摘要**: CPU above 90% on orders-1
            - **详情**: The pod has used more than 90% of its CPU limit for 5 minutes.
            - **对象**: shop / orders-1 / orders
            - **开始时间**: 2026-11-22 22:05:00 (UTC+08:00)
            - **服务**: orders
            - **接口**: GET /orders, POST /orders
            - **重启次数**: 7 (Waiting: CrashLoopBackOff)
            - [处理手册](https://runbooks.example.com/HighCpu) | [控制台](https://portal.example.com/services/shop/orders) | [Prometheus](http://prometheus.example:9090/graph?g0.expr=cpu)

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Render_EnglishResolvedWeCom_ColoursStatusAndQuotesFields()
    {
        var digest = AlertDigest.From([NotificationSamples.Notice("g", NotificationSamples.Alert(2, status: "resolved"))]);

        var text = MarkdownTemplate.Render(digest, MessageTexts.English, Shanghai, 20, wecom: true);

        Assert.StartsWith("### [RESOLVED 1] HighCpu\n\n**<font color=\"info\">[RESOLVED]</font> HighCpu** · critical\n> **Summary**: ", text, StringComparison.Ordinal);
        Assert.Contains("> **Resolved**: 2026-11-22 22:15:00 (UTC+08:00)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MoreAlertsThanListed_CountsTheRestMostSevereFirst()
    {
        var alerts = NotificationSamples.Many(100, 1000);
        var digest = AlertDigest.From([NotificationSamples.Notice("g", alerts)]);

        var text = MarkdownTemplate.Render(digest, MessageTexts.English, Shanghai, 10, wecom: false);

        Assert.EndsWith("\n…and 990 more · [Alertmanager](http://alertmanager.example:9093)\n", text, StringComparison.Ordinal);
        Assert.Equal(10, text.Split("**[FIRING] HighCpu** · critical").Length - 1);
    }

    [Fact]
    public void From_SameFingerprintInTwoNotices_KeepsTheLatestState()
    {
        var firing = NotificationSamples.Alert(3, fingerprint: "same");
        var resolved = NotificationSamples.Alert(3, fingerprint: "same", status: "resolved");

        var digest = AlertDigest.From([NotificationSamples.Notice("a", firing), NotificationSamples.Notice("a", resolved)]);

        Assert.Equal((0, 1, "resolved"), (digest.Firing, digest.Resolved, digest.Status));
    }
}
