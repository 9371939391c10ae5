using Periscope.Catalog.Contracts;

namespace Periscope.Functions.Catalog;

/// <summary>What ingesting a report came to: an outcome for the sidecar, or a field error for a 400.</summary>
internal sealed record IngestionResult(ReportOutcome Outcome, long DocumentVersion, KeyValuePair<string, string>? Error)
{
    public static IngestionResult Applied(ReportOutcome outcome, long version) => new(outcome, version, null);

    public static IngestionResult Invalid(string field, string message) => new(ReportOutcome.Unchanged, 0, new(field, message));
}
