namespace Periscope.Functions.Alerts;

/// <summary>One alert in an <see cref="AlertGroupNotice"/>.</summary>
/// <param name="Id">Periscope's id of the stored alert (GET /api/alerts/{id}).</param>
/// <param name="Fingerprint">Alertmanager's fingerprint: the alert's identity across payloads.</param>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Labels">The alert's labels (<c>alertname</c>, <c>severity</c>, <c>namespace</c>, <c>pod</c>, …).</param>
/// <param name="Annotations">The alert's annotations (<c>summary</c>, <c>description</c>, <c>runbook_url</c>, …).</param>
/// <param name="StartsAt">When it started firing.</param>
/// <param name="EndsAt">When it resolved; null while firing.</param>
/// <param name="GeneratorUrl">The Prometheus expression link Alertmanager passes on.</param>
/// <param name="Enrichment">What Periscope knows about the alert's subject.</param>
internal sealed record AlertNotice(
    long Id,
    string Fingerprint,
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? GeneratorUrl,
    AlertEnrichment Enrichment);
