namespace Periscope.Functions.Alerts;

/// <summary><c>GET /api/alerts/{id}</c>: the alert, its history oldest first, its group (with any truncation note), and the enrichment.</summary>
internal sealed record AlertDetailView(
    AlertView Alert,
    IReadOnlyList<AlertHistoryEntry> History,
    AlertGroupRecord? Group,
    AlertEnrichment Enrichment);
