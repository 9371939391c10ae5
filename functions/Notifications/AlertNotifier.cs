using Periscope.Functions.Alerts;

namespace Periscope.Functions.Notifications;

/// <summary>
/// The <see cref="IAlertNotifier"/> the Alertmanager receiver calls: routes each alert of the notice to the
/// enabled channels whose route admits it, writes one outbox entry per channel (with only that channel's alerts)
/// in one transaction, wakes the dispatcher and returns. Nothing is sent on the caller's time.
/// </summary>
internal sealed class AlertNotifier(
    ChannelDirectory channels,
    INotificationStore store,
    DispatchSignal signal,
    TimeProvider clock,
    ILogger<AlertNotifier> logger) : IAlertNotifier
{
    public async ValueTask NotifyAsync(AlertGroupNotice notice, CancellationToken cancellationToken)
    {
        var items = new List<OutboxItem>();
        foreach (var channel in await channels.ListAsync(cancellationToken))
        {
            if (!channel.Enabled)
            {
                continue;
            }

            var admitted = notice.Alerts.Where(alert => ChannelRouter.Admits(channel.Route, alert)).ToList();
            if (admitted.Count == 0)
            {
                continue;
            }

            var status = admitted.Any(AlertDigest.IsFiring) ? "firing" : "resolved";
            items.Add(new OutboxItem(channel.Name, notice with { Status = status, Alerts = admitted }));
        }

        if (items.Count == 0)
        {
            return;
        }

        await store.EnqueueAsync(items, clock.GetUtcNow(), cancellationToken);
        NotificationLog.Queued(logger, items.Count, notice.GroupKey);
        signal.Notify();
    }
}
