namespace Periscope.Functions.Notifications;

/// <summary>Sends a message to one kind of channel and says what came of it; it does not retry.</summary>
internal interface INotificationSender
{
    string Type { get; }

    Task<DeliveryResult> SendAsync(NotificationChannel channel, AlertDigest digest, CancellationToken cancellationToken);
}
