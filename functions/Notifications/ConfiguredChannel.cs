namespace Periscope.Functions.Notifications;

/// <summary>A channel as <c>Notifications:Channels:{name}</c> configures it (the fields of <see cref="ChannelRequest"/>).</summary>
internal sealed class ConfiguredChannel
{
    public string? Type { get; set; }

    public string? Url { get; set; }

    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);

    public string? Secret { get; set; }

    public string? Language { get; set; }

    public List<string> Severities { get; set; } = [];

    public List<string> Namespaces { get; set; } = [];

    public Dictionary<string, string> Matchers { get; set; } = new(StringComparer.Ordinal);

    public bool Enabled { get; set; } = true;

    public ChannelRequest ToRequest(string name) =>
        new(name, Type, Url, Settings, Secret, Language, new ChannelRouteRequest(Severities, Namespaces, Matchers), Enabled);
}
