namespace Periscope.Functions.Notifications;

/// <summary>Filters of <c>GET /api/alerts/deliveries</c>; newest first, keyset-paged by id.</summary>
internal sealed record DeliveryQuery(string? Channel, string? Status, long? AlertId, int Limit, string? Continue);
