using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Notifications;

/// <summary>
/// Delivers the outbox in the background.
/// <list type="number">
/// <item>Reads the pending entries that are due, oldest first.</item>
/// <item>Per channel, takes a rate-limit slot; a channel without one keeps its entries, and they are coalesced
/// into its next message.</item>
/// <item>Renders all of a channel's due entries as one message and sends it (channels in parallel).</item>
/// <item>Records the attempt against every entry: delivered, retry after a backoff, or failed for good.</item>
/// <item>Sleeps until woken by a new notice, the next retry or rate-limit slot, or the poll interval.</item>
/// </list>
/// Delivery is at least once: a crash between sending and recording sends the message again.
/// </summary>
internal sealed class NotificationDispatcher(
    INotificationStore store,
    ChannelDirectory channels,
    IEnumerable<INotificationSender> senders,
    ChannelRateLimiter rateLimiter,
    RetryBackoff backoff,
    DispatchSignal signal,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private const int MaxParallelChannels = 4;

    private readonly Dictionary<string, INotificationSender> _senders = senders.ToDictionary(sender => sender.Type, StringComparer.Ordinal);
    private DateTimeOffset _nextRetention;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                NotificationLog.DispatchFailed(logger, exception);
                wait = options.Value.PollInterval;
            }

            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the outbox; answers how long to sleep before the next.</summary>
    internal async Task<TimeSpan> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await RetainAsync(now, cancellationToken);

        // 1
        var due = await store.DueAsync(now, settings.MaxNoticesPerMessage * MaxParallelChannels, cancellationToken);
        var wake = now + settings.PollInterval;
        var gate = new object();
        void WakeBy(DateTimeOffset at)
        {
            lock (gate)
            {
                wake = at < wake ? at : wake;
            }
        }

        var byChannel = due.GroupBy(entry => entry.Channel, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(
            byChannel,
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelChannels, CancellationToken = cancellationToken },
            async (group, token) =>
            {
                var entries = group.Take(settings.MaxNoticesPerMessage).ToList();
                if (await channels.FindAsync(group.Key, token) is not { } channel)
                {
                    await FailAsync(entries, group.Key, "The channel no longer exists.", token);
                    return;
                }

                if (!channel.Enabled)
                {
                    await FailAsync(entries, group.Key, "The channel is disabled.", token);
                    return;
                }

                // 2
                if (!rateLimiter.TryAcquire(channel.Name, clock.GetUtcNow(), out var freeAt))
                {
                    WakeBy(freeAt);
                    return;
                }

                // 3, 4
                await DeliverAsync(channel, entries, token);
                if (group.Count() > entries.Count)
                {
                    WakeBy(now);
                }
            });

        // 5
        if (await store.NextDueAsync(now, cancellationToken) is { } next)
        {
            WakeBy(next);
        }

        return wake - clock.GetUtcNow();
    }

    private async Task DeliverAsync(NotificationChannel channel, List<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var digest = AlertDigest.From(entries.Select(entry => entry.Notice).ToList());
        var attempt = entries.Max(entry => entry.Attempts) + 1;
        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var result = _senders.TryGetValue(channel.Type, out var sender)
            ? await sender.SendAsync(channel, digest, cancellationToken)
            : new DeliveryResult(DeliveryOutcome.Failed, null, null, $"No sender for channel type '{channel.Type}'.");
        var latency = stopwatch.Elapsed.TotalMilliseconds;

        DeliveryTransition transition;
        var outcome = result.Outcome;
        if (outcome == DeliveryOutcome.Delivered)
        {
            transition = DeliveryTransition.Delivered;
            NotificationLog.Delivered(logger, channel.Name, digest.Alerts.Count, entries.Count, latency);
        }
        else if (outcome == DeliveryOutcome.Retry && attempt < options.Value.MaxAttempts)
        {
            var delay = backoff.After(attempt);
            transition = DeliveryTransition.Retry(clock.GetUtcNow() + delay, result.Error);
            NotificationLog.Retrying(logger, channel.Name, attempt, result.StatusCode, result.ErrCode, result.Error, delay);
        }
        else
        {
            outcome = DeliveryOutcome.Failed;
            transition = DeliveryTransition.Fail(result.Error);
            NotificationLog.GaveUp(logger, channel.Name, attempt, result.StatusCode, result.ErrCode, result.Error);
        }

        var record = new DeliveryAttempt(
            started, channel.Name, attempt, DeliveryResult.OutcomeName(outcome), result.StatusCode, result.ErrCode, result.Error, latency);
        await store.CompleteAttemptAsync(entries, record, transition, CancellationToken.None);
    }

    private Task FailAsync(List<OutboxEntry> entries, string channel, string error, CancellationToken cancellationToken)
    {
        var attempt = new DeliveryAttempt(
            clock.GetUtcNow(), channel, entries.Max(entry => entry.Attempts) + 1, DeliveryResult.OutcomeName(DeliveryOutcome.Failed), null, null, error, 0);
        return store.CompleteAttemptAsync(entries, attempt, DeliveryTransition.Fail(error), cancellationToken);
    }

    private async Task RetainAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now < _nextRetention)
        {
            return;
        }

        _nextRetention = now + TimeSpan.FromHours(1);
        var deleted = await store.DeleteFinishedAsync(now - options.Value.Retention, cancellationToken);
        if (deleted > 0)
        {
            NotificationLog.Retained(logger, deleted);
        }
    }
}
