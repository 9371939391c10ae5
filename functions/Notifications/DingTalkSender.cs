using System.Text;
using System.Text.Json.Nodes;

namespace Periscope.Functions.Notifications;

/// <summary>
/// The DingTalk custom robot: <c>POST {url}[&amp;timestamp=…&amp;sign=…]</c> with <c>{msgtype: "markdown",
/// markdown: {title, text}}</c>; it answers <c>{errcode, errmsg}</c>, errcode 0 when sent and 130101 when the
/// robot is over its 20 messages a minute (open.dingtalk.com/document/orgapp/custom-robots-send-group-messages).
/// </summary>
internal sealed class DingTalkSender(RobotPoster poster, MessageFormat format, TimeProvider clock) : INotificationSender
{
    /// <summary>A conservative bound for the markdown text; DingTalk refuses overlong messages outright.</summary>
    public const int MaxTextBytes = 16_000;

    private static readonly HashSet<long> RetryableCodes = [130101, -1];

    public string Type => ChannelTypes.DingTalk;

    public Task<DeliveryResult> SendAsync(NotificationChannel channel, AlertDigest digest, CancellationToken cancellationToken)
    {
        var texts = MessageFormat.Texts(channel);
        var text = MessageFitter.Fit(
            listed => MarkdownTemplate.Render(digest, texts, format.Zone, listed, wecom: false), digest.Alerts.Count, format.MaxAlerts, MaxTextBytes);
        var body = new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["title"] = texts.Headline(digest), ["text"] = text },
        };
        var url = channel.Url!;
        if (channel.Secret is { } secret)
        {
            var (timestamp, sign) = RobotSignatures.DingTalk(secret, clock.GetUtcNow());
            url += $"{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}timestamp={timestamp}&sign={Uri.EscapeDataString(sign)}";
        }

        return poster.PostAsync(
            channel, new Uri(url), Encoding.UTF8.GetBytes(body.ToJsonString()), null, "errcode", RetryableCodes, cancellationToken);
    }
}
