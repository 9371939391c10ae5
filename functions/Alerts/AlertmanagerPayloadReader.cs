using System.Text.Json;

namespace Periscope.Functions.Alerts;

/// <summary>
/// Reads and checks a webhook body (version 4: prometheus.io/docs/alerting/latest/configuration/#webhook_config).
/// Every mistake is named by its JSON path (<c>alerts[3].startsAt</c>) so an operator can find it in the sender.
/// </summary>
/// <remarks>
/// What Alertmanager always sends is required (version, groupKey, alerts, each alert's labels and startsAt).
/// An alert without <c>status</c> is firing while its <c>endsAt</c> is unset or ahead of <paramref name="now"/>, as
/// Alertmanager's own <c>Alert.Resolved()</c> decides (alertmanager types/types.go); one without a
/// <c>fingerprint</c> gets Alertmanager's (<see cref="AlertFingerprint"/>). Go's zero time
/// (<c>0001-01-01T00:00:00Z</c>), which Alertmanager sends as a firing alert's <c>endsAt</c>, means unset.
/// </remarks>
internal static class AlertmanagerPayloadReader
{
    public const string SupportedVersion = "4";
    private const int MaxFingerprintLength = 64;

    public static ReceivedGroup? Read(ReadOnlySpan<byte> body, DateTimeOffset now, out Dictionary<string, string[]> errors)
    {
        errors = [];
        AlertmanagerPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(body, AlertsJsonContext.Default.AlertmanagerPayload);
        }
        catch (JsonException exception)
        {
            var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
            errors[path] = [$"The body is not an Alertmanager webhook payload: '{path}' is malformed ({FirstSentence(exception.Message)})."];
            return null;
        }

        if (payload is null)
        {
            errors["body"] = ["The body must be a JSON object (an Alertmanager webhook payload), not null."];
            return null;
        }

        var failures = errors;
        void Fail(string field, string message) => failures[field] = [message];

        if (payload.Version is null)
        {
            Fail("version", $"'version' is missing; this receiver reads Alertmanager webhook payloads of version \"{SupportedVersion}\".");
        }
        else if (payload.Version != SupportedVersion)
        {
            Fail("version", $"'version' must be \"{SupportedVersion}\" (Alertmanager's webhook payload version); got \"{payload.Version}\".");
        }

        if (string.IsNullOrEmpty(payload.GroupKey))
        {
            Fail("groupKey", "'groupKey' is missing or empty.");
        }

        if (payload.TruncatedAlerts is < 0)
        {
            Fail("truncatedAlerts", $"'truncatedAlerts' must not be negative; got {payload.TruncatedAlerts}.");
        }

        if (payload.Status is not (null or AlertState.Firing or AlertState.Resolved))
        {
            Fail("status", $"'status' must be \"firing\" or \"resolved\"; got \"{payload.Status}\".");
        }

        if (payload.Alerts is null)
        {
            Fail("alerts", "'alerts' is missing.");
        }

        var alerts = new List<ReceivedAlert>(payload.Alerts?.Count ?? 0);
        for (var i = 0; i < (payload.Alerts?.Count ?? 0); i++)
        {
            if (ReadAlert(payload.Alerts![i], $"alerts[{i}]", now, Fail) is { } alert)
            {
                alerts.Add(alert);
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ReceivedGroup(
            payload.GroupKey!,
            payload.Receiver ?? "",
            payload.Status ?? (alerts.Any(alert => alert.Status == AlertState.Firing) ? AlertState.Firing : AlertState.Resolved),
            payload.GroupLabels ?? [],
            payload.CommonLabels ?? [],
            payload.CommonAnnotations ?? [],
            string.IsNullOrEmpty(payload.ExternalUrl) ? null : payload.ExternalUrl,
            payload.TruncatedAlerts ?? 0,
            alerts);
    }

    private static ReceivedAlert? ReadAlert(AlertmanagerAlert? alert, string at, DateTimeOffset now, Action<string, string> fail)
    {
        if (alert is null)
        {
            fail(at, $"'{at}' must be an alert object, not null.");
            return null;
        }

        var ok = true;
        if (alert.Labels is not { Count: > 0 })
        {
            fail($"{at}.labels", $"'{at}.labels' is missing or empty: an alert is identified by its labels.");
            ok = false;
        }

        if (Time(alert.StartsAt) is not { } startsAt)
        {
            fail($"{at}.startsAt", $"'{at}.startsAt' is missing.");
            ok = false;
            startsAt = default;
        }

        if (alert.Status is not (null or AlertState.Firing or AlertState.Resolved))
        {
            fail($"{at}.status", $"'{at}.status' must be \"firing\" or \"resolved\"; got \"{alert.Status}\".");
            ok = false;
        }

        if (alert.Fingerprint is { Length: 0 or > MaxFingerprintLength })
        {
            fail($"{at}.fingerprint", $"'{at}.fingerprint' must be 1 to {MaxFingerprintLength} characters.");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        var endsAt = Time(alert.EndsAt);
        var status = alert.Status ?? (endsAt is { } end && end <= now ? AlertState.Resolved : AlertState.Firing);
        return new ReceivedAlert(
            alert.Fingerprint ?? AlertFingerprint.Of(alert.Labels!),
            status,
            alert.Labels!,
            alert.Annotations ?? [],
            startsAt,
            status == AlertState.Resolved ? endsAt ?? now : null,
            string.IsNullOrEmpty(alert.GeneratorUrl) ? null : alert.GeneratorUrl);
    }

    /// <summary>Go's zero time (year 1) is Alertmanager's "unset".</summary>
    private static DateTimeOffset? Time(DateTimeOffset? value) => value is { Year: > 1 } time ? time : null;

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');
}
