using System.Text;
using System.Text.Json.Nodes;

namespace Periscope.Functions.Notifications;

/// <summary>
/// The WeCom (企业微信) group robot: <c>POST {url}</c> with <c>{msgtype: "markdown", markdown: {content}}</c>, content
/// at most 4096 UTF-8 bytes; it answers <c>{errcode, errmsg}</c>, 45009 when the robot is over its 20 messages a
/// minute (developer.work.weixin.qq.com/document/path/91770, 消息发送频率限制). WeCom robots have no signing: the key in the URL is the credential.
/// </summary>
internal sealed class WeComSender(RobotPoster poster, MessageFormat format) : INotificationSender
{
    public const int MaxContentBytes = 4096;

    private static readonly HashSet<long> RetryableCodes = [45009, -1];

    public string Type => ChannelTypes.WeCom;

    public Task<DeliveryResult> SendAsync(NotificationChannel channel, AlertDigest digest, CancellationToken cancellationToken)
    {
        var texts = MessageFormat.Texts(channel);
        var content = MessageFitter.Fit(
            listed => MarkdownTemplate.Render(digest, texts, format.Zone, listed, wecom: true), digest.Alerts.Count, format.MaxAlerts, MaxContentBytes);
        var body = new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["content"] = content },
        };
        return poster.PostAsync(
            channel, new Uri(channel.Url!), Encoding.UTF8.GetBytes(body.ToJsonString()), null, "errcode", RetryableCodes, cancellationToken);
    }
}
