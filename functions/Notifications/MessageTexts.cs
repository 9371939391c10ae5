using System.Globalization;

namespace Periscope.Functions.Notifications;

/// <summary>The words of a message, in zh-CN or English.</summary>
internal sealed record MessageTexts(
    string Firing,
    string Resolved,
    string Severity,
    string Summary,
    string Description,
    string Subject,
    string Started,
    string ResolvedAt,
    string Service,
    string Operations,
    string Restarts,
    string Runbook,
    string Portal,
    string Prometheus,
    string Alertmanager,
    string MoreFormat,
    string TestSummary)
{
    public static MessageTexts Chinese { get; } = new(
        Firing: "告警",
        Resolved: "恢复",
        Severity: "级别",
        Summary: "摘要",
        Description: "详情",
        Subject: "对象",
        Started: "开始时间",
        ResolvedAt: "恢复时间",
        Service: "服务",
        Operations: "接口",
        Restarts: "重启次数",
        Runbook: "处理手册",
        Portal: "控制台",
        Prometheus: "Prometheus",
        Alertmanager: "Alertmanager",
        MoreFormat: "……另有 {0} 条告警未列出",
        TestSummary: "这是一条测试消息：Periscope 通知渠道配置正确。");

    public static MessageTexts English { get; } = new(
        Firing: "FIRING",
        Resolved: "RESOLVED",
        Severity: "Severity",
        Summary: "Summary",
        Description: "Description",
        Subject: "Subject",
        Started: "Started",
        ResolvedAt: "Resolved",
        Service: "Service",
        Operations: "Operations",
        Restarts: "Restarts",
        Runbook: "Runbook",
        Portal: "Portal",
        Prometheus: "Prometheus",
        Alertmanager: "Alertmanager",
        MoreFormat: "…and {0} more",
        TestSummary: "This is a test message: the Periscope notification channel works.");

    public static MessageTexts For(string language) => language == ChannelLanguages.English ? English : Chinese;

    public string More(int count) => string.Format(CultureInfo.InvariantCulture, MoreFormat, count);

    public string StatusWord(bool firing) => firing ? Firing : Resolved;

    /// <summary>The headline: <c>[告警 3 · 恢复 1] HighCpu</c>, <c>[FIRING 3 · RESOLVED 1] HighCpu</c>.</summary>
    public string Headline(AlertDigest digest)
    {
        var counts = new List<string>();
        if (digest.Firing > 0)
        {
            counts.Add($"{Firing} {digest.Firing}");
        }

        if (digest.Resolved > 0)
        {
            counts.Add($"{Resolved} {digest.Resolved}");
        }

        return $"[{string.Join(" · ", counts)}] {digest.AlertName}";
    }
}
