using Microsoft.Extensions.Options;

namespace Periscope.Functions.Notifications;

/// <summary>
/// Every channel: those from configuration (read-only, validated at start-up) and those made through the API,
/// which cannot take a configured channel's name.
/// </summary>
internal sealed class ChannelDirectory
{
    private readonly INotificationStore _store;
    private readonly Dictionary<string, NotificationChannel> _configured;

    public ChannelDirectory(INotificationStore store, IOptions<NotificationOptions> options, TimeProvider clock)
    {
        _store = store;
        var started = clock.GetUtcNow();
        _configured = new Dictionary<string, NotificationChannel>(StringComparer.Ordinal);
        foreach (var (name, configured) in options.Value.Channels)
        {
            // The options validator has already refused invalid channels at start-up.
            if (ChannelValidator.Validate(configured.ToRequest(name), existingSecret: null).Channel is { } channel)
            {
                _configured[name] = channel with { ReadOnly = true, CreatedAt = started, UpdatedAt = started };
            }
        }
    }

    public bool IsConfigured(string name) => _configured.ContainsKey(name);

    public async Task<IReadOnlyList<NotificationChannel>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await _store.ListChannelsAsync(cancellationToken);
        return _configured.Values
            .Concat(stored.Where(channel => !_configured.ContainsKey(channel.Name)))
            .OrderBy(channel => channel.Name, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<NotificationChannel?> FindAsync(string name, CancellationToken cancellationToken) =>
        _configured.TryGetValue(name, out var channel) ? channel : await _store.FindChannelAsync(name, cancellationToken);
}
