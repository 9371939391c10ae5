namespace Periscope.Functions.Notifications;

/// <summary>
/// The body of <c>POST /api/alerts/channels</c> and <c>PUT /api/alerts/channels/{name}</c>. On PUT a null
/// <see cref="Secret"/> keeps the stored one (reads never show it, so a client cannot send it back) and ""
/// removes it.
/// </summary>
internal sealed record ChannelRequest(
    string? Name,
    string? Type,
    string? Url,
    Dictionary<string, string>? Settings,
    string? Secret,
    string? Language,
    ChannelRouteRequest? Route,
    bool? Enabled);
