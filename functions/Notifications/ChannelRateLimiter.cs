using Microsoft.Extensions.Options;

namespace Periscope.Functions.Notifications;

/// <summary>
/// At most <see cref="NotificationOptions.MessagesPerWindow"/> messages per channel in any sliding
/// <see cref="NotificationOptions.RateWindow"/>: the robots count per minute and answer the excess with an error
/// (DingTalk 130101, WeCom 45009) rather than queueing it, so Periscope holds the excess back itself.
/// </summary>
internal sealed class ChannelRateLimiter(IOptions<NotificationOptions> options)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);
    private readonly int _limit = options.Value.MessagesPerWindow;
    private readonly TimeSpan _window = options.Value.RateWindow;

    /// <summary>Takes a slot for a message to <paramref name="channel"/> now, or says when one frees up.</summary>
    public bool TryAcquire(string channel, DateTimeOffset now, out DateTimeOffset freeAt)
    {
        lock (_sent)
        {
            if (!_sent.TryGetValue(channel, out var times))
            {
                _sent[channel] = times = new Queue<DateTimeOffset>();
            }

            while (times.Count > 0 && times.Peek() <= now - _window)
            {
                times.Dequeue();
            }

            if (times.Count >= _limit)
            {
                freeAt = times.Peek() + _window;
                return false;
            }

            times.Enqueue(now);
            freeAt = now;
            return true;
        }
    }
}
