using System.Text.Json;

namespace Periscope.Functions.Notifications;

/// <summary>
/// The generic webhook: <c>POST {url}</c> with a <see cref="WebhookPayload"/> of every alert (receivers do their own
/// grouping and truncation). With a secret, <c>settings.auth</c> <c>hmac</c> (the default) signs the body in
/// <c>X-Periscope-Signature-256</c>; <c>bearer</c> sends the secret as <c>Authorization: Bearer</c> instead.
/// </summary>
internal sealed class WebhookSender(RobotPoster poster) : INotificationSender
{
    public const string SignatureHeader = "X-Periscope-Signature-256";

    private static readonly HashSet<long> NoRetryableCodes = [];

    public string Type => ChannelTypes.Webhook;

    public Task<DeliveryResult> SendAsync(NotificationChannel channel, AlertDigest digest, CancellationToken cancellationToken)
    {
        var commonLabels = Common(digest.Alerts.Select(alert => alert.Labels));
        var payload = new WebhookPayload(
            "4",
            string.Join(",", digest.GroupKeys),
            0,
            digest.Status,
            $"periscope/{channel.Name}",
            digest.GroupLabels,
            commonLabels,
            Common(digest.Alerts.Select(alert => alert.Annotations)),
            digest.ExternalUrl,
            digest.Alerts.Select(WebhookAlert.From).ToList());
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, NotificationJsonContext.Default.WebhookPayload);
        return poster.PostAsync(
            channel,
            new Uri(channel.Url!),
            body,
            headers =>
            {
                if (channel.Secret is not { } secret)
                {
                    return;
                }

                if (channel.Setting("auth") == "bearer")
                {
                    headers.Authorization = new("Bearer", secret);
                }
                else
                {
                    headers.Add(SignatureHeader, RobotSignatures.Webhook(secret, body));
                }
            },
            null,
            NoRetryableCodes,
            cancellationToken);
    }

    private static Dictionary<string, string> Common(IEnumerable<IReadOnlyDictionary<string, string>> maps)
    {
        Dictionary<string, string>? common = null;
        foreach (var map in maps)
        {
            if (common is null)
            {
                common = new Dictionary<string, string>(map, StringComparer.Ordinal);
                continue;
            }

            foreach (var (key, value) in common.ToList())
            {
                if (!map.TryGetValue(key, out var other) || other != value)
                {
                    common.Remove(key);
                }
            }
        }

        return common ?? [];
    }
}
