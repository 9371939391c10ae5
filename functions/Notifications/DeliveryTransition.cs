namespace Periscope.Functions.Notifications;

/// <summary>What an attempt leaves an outbox entry as: <see cref="DeliveryStatus"/>, and when a retry is due.</summary>
internal sealed record DeliveryTransition(string Status, DateTimeOffset? NextAttemptAt, string? Error)
{
    public static DeliveryTransition Delivered { get; } = new(DeliveryStatus.Delivered, null, null);

    public static DeliveryTransition Retry(DateTimeOffset at, string? error) => new(DeliveryStatus.Pending, at, error);

    public static DeliveryTransition Fail(string? error) => new(DeliveryStatus.Failed, null, error);
}
