namespace Periscope.Functions.Notifications;

/// <summary>A place notifications go.</summary>
/// <param name="Name">Its name: the id in <c>/api/alerts/channels/{name}</c>.</param>
/// <param name="Type">One of <see cref="ChannelTypes"/>.</param>
/// <param name="Url">The robot's or webhook's URL (it carries the robot's token); null for e-mail.</param>
/// <param name="Settings">Type-specific settings: e-mail's <c>host</c>, <c>port</c>, <c>tls</c>, <c>username</c>, <c>from</c>, <c>to</c>; a webhook's <c>auth</c>.</param>
/// <param name="Secret">The signing secret (DingTalk, Feishu, webhook HMAC), bearer token (webhook) or SMTP password; never read back.</param>
/// <param name="Language">One of <see cref="ChannelLanguages"/>.</param>
/// <param name="Route">Which alerts it gets.</param>
/// <param name="Enabled">Whether it gets any.</param>
/// <param name="ReadOnly">True for channels from configuration (<c>Notifications:Channels</c>): the API cannot change them.</param>
internal sealed record NotificationChannel(
    string Name,
    string Type,
    string? Url,
    IReadOnlyDictionary<string, string> Settings,
    string? Secret,
    string Language,
    ChannelRoute Route,
    bool Enabled,
    bool ReadOnly,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string? Setting(string key) => Settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
