using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class FeishuCardTemplateTests
{
    [Fact]
    public void Render_ResolvedChinese_GreenHeaderAndLarkMarkdown()
    {
        var digest = AlertDigest.From([NotificationSamples.Notice("g", NotificationSamples.Alert(1, status: "resolved"))]);

        var card = FeishuCardTemplate.Render(digest, MessageTexts.Chinese, NotificationTimeZone.TryFind("Asia/Shanghai")!, 20);

        Assert.Equal("green", card["header"]!["template"]!.GetValue<string>());
        Assert.Equal("[恢复 1] HighCpu", card["header"]!["title"]!["content"]!.GetValue<string>());
        var block = card["elements"]![0]!["text"]!;
        Assert.Equal("lark_md", block["tag"]!.GetValue<string>());
        Assert.StartsWith("**[恢复] HighCpu** · critical\n**摘要**: CPU above 90% on orders-1\n", block["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("**恢复时间**: 2026-11-22 22:15:00 (UTC+08:00)", block["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MoreThanListed_EndsWithNote()
    {
        var digest = AlertDigest.From([NotificationSamples.Notice("g", NotificationSamples.Many(1, 30))]);

        var card = FeishuCardTemplate.Render(digest, MessageTexts.Chinese, TimeZoneInfo.Utc, 5);

        var elements = card["elements"]!.AsArray();
        Assert.Equal("note", elements[^1]!["tag"]!.GetValue<string>());
        Assert.Equal("……另有 25 条告警未列出", elements[^1]!["elements"]![0]!["content"]!.GetValue<string>());
        Assert.Equal(5 + 4 + 1, elements.Count);
    }
}
