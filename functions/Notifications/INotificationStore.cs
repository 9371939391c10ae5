using Periscope.Functions.Store;

namespace Periscope.Functions.Notifications;

/// <summary>Channels made through the API, the delivery outbox and every delivery attempt.</summary>
internal interface INotificationStore
{
    Task<IReadOnlyList<NotificationChannel>> ListChannelsAsync(CancellationToken cancellationToken);

    Task<NotificationChannel?> FindChannelAsync(string name, CancellationToken cancellationToken);

    /// <summary>False when a channel of that name exists.</summary>
    Task<bool> CreateChannelAsync(NotificationChannel channel, CancellationToken cancellationToken);

    /// <summary>False when no channel of that name exists.</summary>
    Task<bool> UpdateChannelAsync(NotificationChannel channel, CancellationToken cancellationToken);

    Task<bool> DeleteChannelAsync(string name, CancellationToken cancellationToken);

    /// <summary>Writes the items in one transaction: once it returns they survive a crash.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxItem> items, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Pending entries due at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>When the earliest pending entry due after <paramref name="after"/> is due, or null when there is none.</summary>
    Task<DateTimeOffset?> NextDueAsync(DateTimeOffset after, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="attempt"/> against each entry and moves them all to <paramref name="transition"/>.</summary>
    Task CompleteAttemptAsync(
        IReadOnlyList<OutboxEntry> entries, DeliveryAttempt attempt, DeliveryTransition transition, CancellationToken cancellationToken);

    Task<Page<DeliveryRecord>> ListDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes delivered and failed entries finished before <paramref name="before"/>, with their attempts.</summary>
    Task<int> DeleteFinishedAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
