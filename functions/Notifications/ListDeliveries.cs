using System.Globalization;
using Periscope.Functions.Access;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Notifications;

/// <summary>
/// <c>GET /api/alerts/deliveries?channel=&amp;status=pending|delivered|failed&amp;alertId=&amp;limit=&amp;continue=</c>:
/// queued and finished messages, newest first, each with its alert ids and every attempt (time, status code,
/// robot errcode, error, latency). Errors are scrubbed of URLs and secrets before they are stored.
/// </summary>
internal sealed class ListDeliveries : IFunction
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("alerts/deliveries", RunAsync).AddEndpointFilter<InvalidContinueTokenFilter>().RequireReader();

    private static async Task<IResult> RunAsync(
        string? channel, string? status, string? alertId, string? limit, string? @continue, INotificationStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !DeliveryStatus.All.Contains(status))
        {
            errors["status"] = [$"One of {string.Join(", ", DeliveryStatus.All)}."];
        }

        long? alert = null;
        if (alertId is not null)
        {
            if (long.TryParse(alertId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                alert = id;
            }
            else
            {
                errors["alertId"] = ["A positive integer, as GET /api/alerts gives alert ids."];
            }
        }

        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"1 to {MaxLimit} (default {DefaultLimit})."];
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest("The delivery filters are not valid; see 'errors'.", errors);
        }

        var page = await store.ListDeliveriesAsync(
            new DeliveryQuery(string.IsNullOrEmpty(channel) ? null : channel, status, alert, size, @continue), cancellationToken);
        return TypedResults.Ok(new PagedList<DeliveryRecord>(page.Items, page.Continue));
    }
}
