using System.Text;
using System.Text.Json.Nodes;

namespace Periscope.Functions.Notifications;

/// <summary>
/// The Feishu (飞书) custom bot: <c>POST {url}</c> with <c>{timestamp, sign, msg_type: "interactive", card}</c>; it
/// answers <c>{code, msg}</c>, code 0 when sent, 11232 when rate limited (100 a minute, 5 a second per bot), and
/// refuses bodies over 20 KB (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot).
/// </summary>
internal sealed class FeishuSender(RobotPoster poster, MessageFormat format, TimeProvider clock) : INotificationSender
{
    /// <summary>20 KB less room for the signature fields.</summary>
    public const int MaxBodyBytes = 19_500;

    private static readonly HashSet<long> RetryableCodes = [11232];

    public string Type => ChannelTypes.Feishu;

    public Task<DeliveryResult> SendAsync(NotificationChannel channel, AlertDigest digest, CancellationToken cancellationToken)
    {
        var texts = MessageFormat.Texts(channel);
        var body = MessageFitter.Fit(
            listed =>
            {
                var message = new JsonObject();
                if (channel.Secret is { } secret)
                {
                    var (timestamp, sign) = RobotSignatures.Feishu(secret, clock.GetUtcNow());
                    message["timestamp"] = timestamp;
                    message["sign"] = sign;
                }

                message["msg_type"] = "interactive";
                message["card"] = FeishuCardTemplate.Render(digest, texts, format.Zone, listed);
                return message.ToJsonString();
            },
            digest.Alerts.Count,
            format.MaxAlerts,
            MaxBodyBytes);
        return poster.PostAsync(channel, new Uri(channel.Url!), Encoding.UTF8.GetBytes(body), null, "code", RetryableCodes, cancellationToken);
    }
}
