using System.ComponentModel.DataAnnotations;

namespace Periscope.Functions.Notifications;

/// <summary>Configuration section <c>Notifications</c>: how alert notices become messages, and how they are delivered.</summary>
internal sealed record NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>IANA time zone that message times are written in. Default <c>Asia/Shanghai</c>.</summary>
    [Required]
    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>Attempts per message before it is marked failed. Default 8.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Backoff before the second attempt; it doubles each attempt up to <see cref="MaxBackoff"/>, with jitter. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest backoff between attempts. Default 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Messages sent to one channel per <see cref="RateWindow"/>, test messages and retries included; notices
    /// beyond it wait and are coalesced into the next message. Default 10 per minute: half of DingTalk's and
    /// WeCom's 20 per minute per robot, leaving room for anything else posting through the same robot.
    /// </summary>
    [Range(1, 1000)]
    public int MessagesPerWindow { get; init; } = 10;

    /// <summary>The window <see cref="MessagesPerWindow"/> counts over. Default 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Alerts listed in one robot or e-mail message (most severe first); the rest are counted ("and 990 more"). Default 20.</summary>
    [Range(1, 500)]
    public int MaxAlertsPerMessage { get; init; } = 20;

    /// <summary>Queued notices coalesced into one message at most. Default 1,000.</summary>
    [Range(1, 100_000)]
    public int MaxNoticesPerMessage { get; init; } = 1000;

    /// <summary>Timeout of one delivery attempt (HTTP request or SMTP session). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest the dispatcher sleeps before it looks at the outbox again without being woken. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Finished deliveries (delivered or failed) older than this are deleted with their attempts. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Channels from configuration, by name: read-only through the API, validated at start-up.</summary>
    public Dictionary<string, ConfiguredChannel> Channels { get; init; } = new(StringComparer.Ordinal);
}
