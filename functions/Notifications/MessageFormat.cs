using Microsoft.Extensions.Options;

namespace Periscope.Functions.Notifications;

/// <summary>What every template needs from configuration: the time zone and how many alerts to list.</summary>
internal sealed class MessageFormat(IOptions<NotificationOptions> options)
{
    public TimeZoneInfo Zone { get; } = NotificationTimeZone.TryFind(options.Value.TimeZone) ?? TimeZoneInfo.Utc;

    public int MaxAlerts { get; } = options.Value.MaxAlertsPerMessage;

    public static MessageTexts Texts(NotificationChannel channel) => MessageTexts.For(channel.Language);
}
