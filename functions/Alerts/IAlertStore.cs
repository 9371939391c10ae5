using Periscope.Functions.Store;

namespace Periscope.Functions.Alerts;

/// <summary>
/// Where alerts from Alertmanager are kept: one row per occurrence (fingerprint and startsAt), its latest state,
/// and a history of its state changes. Lists are newest first by (startsAt, id) and page with opaque tokens.
/// </summary>
internal interface IAlertStore
{
    /// <summary>
    /// Stores a payload in one transaction: the group, each alert upserted, a history entry per state change;
    /// repeats only move last-seen. Returns what changed.
    /// </summary>
    Task<AlertIngestResult> IngestAsync(ReceivedGroup group, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    Task<Page<StoredAlert>> ListAsync(AlertQuery query, CancellationToken cancellationToken);

    Task<StoredAlert?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The alert's state changes, oldest first.</summary>
    Task<IReadOnlyList<AlertHistoryEntry>> GetHistoryAsync(long id, CancellationToken cancellationToken);

    Task<AlertGroupRecord?> GetGroupAsync(string groupKey, CancellationToken cancellationToken);

    /// <summary>Marks a firing alert acknowledged by <paramref name="by"/> (once; firing again after resolving clears it).</summary>
    Task<AcknowledgeOutcome> AcknowledgeAsync(long id, string by, string? comment, DateTimeOffset at, CancellationToken cancellationToken);
}
