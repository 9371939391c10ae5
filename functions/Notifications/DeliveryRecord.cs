namespace Periscope.Functions.Notifications;

/// <summary>An outbox entry with its attempts, as <c>GET /api/alerts/deliveries</c> lists it.</summary>
internal sealed record DeliveryRecord(
    long Id,
    string Channel,
    string GroupKey,
    string Status,
    int AlertCount,
    IReadOnlyList<long> AlertIds,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt,
    string? LastError,
    IReadOnlyList<DeliveryAttempt> AttemptLog);
