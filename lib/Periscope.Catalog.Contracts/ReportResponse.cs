using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

/// <summary>The catalog's answer to a report.</summary>
public sealed record ReportResponse
{
    [JsonPropertyName("outcome")] public ReportOutcome Outcome { get; init; }

    /// <summary>The service's document version after the report (0 when it has none).</summary>
    [JsonPropertyName("documentVersion")] public long DocumentVersion { get; init; }
}
