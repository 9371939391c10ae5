namespace Periscope.Functions.Alerts;

/// <summary>
/// Where the Alertmanager receiver hands what changed in a group of alerts: the notification channels
/// (functions/Notifications implements it). The receiver passes only alerts whose state changed
/// (newly firing, or resolved), so a group Alertmanager re-sends on its repeat interval notifies nobody twice.
/// </summary>
internal interface IAlertNotifier
{
    /// <summary>Queues the notice durably for delivery (routing, grouping, retries happen behind it); returns once queued, not delivered.</summary>
    ValueTask NotifyAsync(AlertGroupNotice notice, CancellationToken cancellationToken);
}
