namespace Periscope.Functions.Notifications;

/// <summary>
/// A channel as reads show it: never the secret (only whether one is set) and never the robot's token — the
/// URL's query values and a Feishu hook's token are masked — because a robot URL alone lets anyone post to the group.
/// </summary>
internal sealed record ChannelView(
    string Name,
    string Type,
    string? Url,
    IReadOnlyDictionary<string, string> Settings,
    bool SecretSet,
    string Language,
    ChannelRoute Route,
    bool Enabled,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ChannelView From(NotificationChannel channel) => new(
        channel.Name,
        channel.Type,
        channel.Url is null ? null : ChannelUrlRedactor.Redact(channel.Url),
        channel.Settings,
        channel.Secret is not null,
        channel.Language,
        channel.Route,
        channel.Enabled,
        channel.ReadOnly ? "configuration" : "api",
        channel.CreatedAt,
        channel.UpdatedAt);
}
