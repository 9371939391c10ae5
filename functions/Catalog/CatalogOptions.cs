using System.ComponentModel.DataAnnotations;

namespace Periscope.Functions.Catalog;

/// <summary>Configuration section <c>Catalog</c>.</summary>
internal sealed record CatalogOptions : IValidatableObject
{
    public const string Section = "Catalog";

    /// <summary>
    /// The shared bearer token sidecars present on <c>POST /api/catalog/reports</c> outside Kubernetes
    /// (env <c>Catalog__ReportToken</c>). Required: reports change the catalog, so they are never anonymous.
    /// </summary>
    [Required(ErrorMessage = "Catalog:ReportToken is required: set the shared token sidecars report with (env Catalog__ReportToken).")]
    [MinLength(16, ErrorMessage = "Catalog:ReportToken must be at least 16 characters.")]
    public string ReportToken { get; init; } = "";

    /// <summary>Largest OpenAPI document accepted, in bytes of UTF-8; larger ones are answered 413. Default 10 MiB.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxDocumentBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>An endpoint whose last heartbeat is older than this is shown as <c>stale</c>. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan EndpointStaleAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// An endpoint whose last heartbeat is older than this is deleted, with what only it referred to
    /// (<see cref="EndpointExpiry"/>): every restarted pod leaves one behind. Default one day; zero keeps them forever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan EndpointRetention { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Room in a report for its traffic summary: up to <see cref="TrafficValidator.MaxOperations"/>
    /// operations of about 4 KiB each (a long path template and the histogram).
    /// </summary>
    public const long MaxTrafficBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Largest report request body: the document once JSON-escaped (quotes and newlines double in size),
    /// a traffic summary, and the identity fields.
    /// </summary>
    public long MaxReportBytes => (3L * MaxDocumentBytes) + MaxTrafficBytes + (64 * 1024);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EndpointRetention > TimeSpan.Zero && EndpointRetention < EndpointStaleAfter)
        {
            yield return new ValidationResult(
                $"Catalog:EndpointRetention ({EndpointRetention}) must be zero (keep endpoints forever) or at least Catalog:EndpointStaleAfter ({EndpointStaleAfter}): an endpoint is stale before it is deleted.",
                [nameof(EndpointRetention)]);
        }
    }
}
