using System.Globalization;
using Periscope.Functions.Alerts;

namespace Periscope.Functions.Notifications;

/// <summary>One alert as every template shows it: the fields in order, then the links.</summary>
internal sealed record AlertFacts(
    bool Firing,
    string Name,
    string? Severity,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<KeyValuePair<string, string>> Links)
{
    private const int OperationsShown = 5;

    public static AlertFacts From(AlertNotice alert, MessageTexts texts, TimeZoneInfo zone)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.Add(new(label, OneLine(value)));
            }
        }

        var enrichment = alert.Enrichment;
        Add(texts.Summary, alert.Annotations.GetValueOrDefault("summary"));
        Add(texts.Description, alert.Annotations.GetValueOrDefault("description") ?? alert.Annotations.GetValueOrDefault("message"));
        var app = enrichment.AppId ?? alert.Labels.GetValueOrDefault("app") ?? alert.Labels.GetValueOrDefault("app_kubernetes_io_name");
        Add(texts.Subject, string.Join(" / ", new[]
        {
            alert.Labels.GetValueOrDefault("namespace") ?? enrichment.Namespace,
            alert.Labels.GetValueOrDefault("pod") ?? alert.Labels.GetValueOrDefault("instance"),
            app,
        }.Where(part => !string.IsNullOrEmpty(part))));
        Add(texts.Started, Time(alert.StartsAt, zone));
        if (!AlertDigest.IsFiring(alert))
        {
            Add(texts.ResolvedAt, Time(alert.EndsAt ?? alert.StartsAt, zone));
        }

        Add(texts.Service, enrichment.AppId);
        if (enrichment.Operations.Count > 0)
        {
            var shown = string.Join(", ", enrichment.Operations.Take(OperationsShown));
            Add(texts.Operations, enrichment.Operations.Count > OperationsShown ? $"{shown}, … ({enrichment.Operations.Count})" : shown);
        }

        if (enrichment.RecentRestarts is { } restarts)
        {
            Add(texts.Restarts, enrichment.ContainerStatus is { } status
                ? $"{restarts.ToString(CultureInfo.InvariantCulture)} ({status})"
                : restarts.ToString(CultureInfo.InvariantCulture));
        }

        var links = new List<KeyValuePair<string, string>>();
        void Link(string text, string? url)
        {
            if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                links.Add(new(text, uri.AbsoluteUri));
            }
        }

        Link(texts.Runbook, alert.Annotations.GetValueOrDefault("runbook_url"));
        Link(texts.Portal, enrichment.PortalUrl);
        Link(texts.Prometheus, enrichment.PrometheusUrl ?? alert.GeneratorUrl);
        return new AlertFacts(
            AlertDigest.IsFiring(alert),
            alert.Labels.GetValueOrDefault("alertname") ?? "alert",
            alert.Labels.GetValueOrDefault("severity"),
            fields,
            links);
    }

    /// <summary><c>2026-11-22 22:05:00 (UTC+08:00)</c>: the offset shown, so a reader in another zone is not misled.</summary>
    public static string Time(DateTimeOffset time, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(time, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            + $" (UTC{sign}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)})";
    }

    /// <summary>One line, at most 1,000 characters: one long description must not push the others out of a robot's size limit.</summary>
    private static string OneLine(string value)
    {
        var line = value.ReplaceLineEndings(" ").Trim();
        return line.Length <= 1000 ? line : line[..999] + "…";
    }
}
