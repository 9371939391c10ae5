using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary>
/// <c>POST /api/alerts/alertmanager</c>: Alertmanager's webhook receiver (payload version 4,
/// prometheus.io/docs/alerting/latest/configuration/#webhook_config). Admits the credential configured in
/// <c>Alerts:Receiver</c> or an Operator API key (<see cref="AccessEndpointConventions.RequireAlertmanager"/>).
/// </summary>
/// <remarks>
/// 1. Off (503) until <c>Alerts:Receiver</c> has a credential.
/// 2. The body is read up to <c>Alerts:Receiver:MaxBodyBytes</c> (413 past it) and checked (400 naming the field).
/// 3. The payload is stored in one transaction (<see cref="IAlertStore.IngestAsync"/>).
/// 4. The alerts whose state changed are enriched and handed to the notifiers as one group notice.
/// 5. 200 at once: Alertmanager retries anything else, and a retry is a harmless repeat.
/// </remarks>
internal sealed partial class ReceiveAlerts : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapPost("alerts/alertmanager", RunAsync).RequireAlertmanager();

    private static async Task<IResult> RunAsync(
        HttpContext context,
        IAlertStore store,
        AlertEnricher enricher,
        IEnumerable<IAlertNotifier> notifiers,
        IOptions<AlertsOptions> options,
        TimeProvider clock,
        ILogger<ReceiveAlerts> logger,
        CancellationToken cancellationToken)
    {
        // 1.
        var receiver = options.Value.Receiver;
        if (!receiver.IsConfigured)
        {
            return Problems.ServiceUnavailable(
                "The Alertmanager receiver is not configured: set Alerts:Receiver:BearerToken, or Alerts:Receiver:BasicUsername and BasicPassword, to the credential Alertmanager's http_config sends.");
        }

        // 2.
        ReceivedGroup? group;
        Dictionary<string, string[]> errors;
        DateTimeOffset receivedAt;
        using (var body = await ReadBodyAsync(context, receiver.MaxBodyBytes, cancellationToken))
        {
            if (body is null)
            {
                return Problems.PayloadTooLarge(
                    $"The payload is larger than Alerts:Receiver:MaxBodyBytes ({receiver.MaxBodyBytes} bytes); raise it, or lower the webhook's max_alerts in Alertmanager.");
            }

            receivedAt = clock.GetUtcNow();
            group = AlertmanagerPayloadReader.Read(body.Span, receivedAt, out errors);
        }

        if (group is null)
        {
            return Problems.BadRequest(string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);
        }

        // 3.
        var result = await store.IngestAsync(group, receivedAt, cancellationToken);
        LogReceived(logger, group.GroupKey, group.Alerts.Count, result.Changed.Count, group.TruncatedAlerts);

        // 4.
        if (result.Changed.Count > 0)
        {
            var enrichments = await enricher.EnrichAsync(
                result.Changed.Select(change => (change.Id, change.Alert.Labels, change.Alert.GeneratorUrl)).ToList(), cancellationToken);
            var notice = new AlertGroupNotice(
                group.GroupKey,
                group.Receiver,
                group.Status,
                group.GroupLabels,
                group.CommonLabels,
                group.CommonAnnotations,
                group.ExternalUrl,
                result.Changed.Select((change, i) => new AlertNotice(
                    change.Id,
                    change.Alert.Fingerprint,
                    change.Alert.Status,
                    change.Alert.Labels,
                    change.Alert.Annotations,
                    change.Alert.StartsAt,
                    change.Alert.EndsAt,
                    change.Alert.GeneratorUrl,
                    enrichments[i])).ToList());
            foreach (var notifier in notifiers)
            {
                try
                {
                    await notifier.NotifyAsync(notice, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Stored already: a non-2xx would make Alertmanager resend, and the resend is a repeat that notifies nobody.
                    LogNotifierFailed(logger, exception, notifier.GetType().Name, group.GroupKey);
                }
            }
        }

        // 5.
        return TypedResults.Ok(new AlertReceipt(group.Alerts.Count, result.Changed.Count, result.Unchanged, group.TruncatedAlerts));
    }

    /// <summary>The body (<see cref="PooledBody"/>: payloads reach a megabyte), or null when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<PooledBody?> ReadBodyAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        // Kestrel's own cap (30 MB by default) must not cut a body this receiver is configured to take.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        return await PooledBody.ReadAsync(context.Request.Body, context.Request.ContentLength, limit, cancellationToken);
    }

    [LoggerMessage(EventId = 6111, Level = LogLevel.Information, Message = "Alertmanager group {GroupKey}: {Alerts} alert(s), {Changed} changed, {Truncated} truncated by max_alerts")]
    private static partial void LogReceived(ILogger logger, string groupKey, int alerts, int changed, int truncated);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Error, Message = "Notifier {Notifier} failed to queue the notice of group {GroupKey}; the alerts are stored")]
    private static partial void LogNotifierFailed(ILogger logger, Exception exception, string notifier, string groupKey);
}
