namespace Periscope.Functions.Notifications;

/// <summary>Where an outbox entry is: waiting (first try or a retry), delivered, or given up on.</summary>
internal static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Pending, Delivered, Failed];
}
