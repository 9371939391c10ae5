using System.ComponentModel.DataAnnotations;

namespace Periscope.Functions.Calls;

/// <summary>Configuration section <c>CallRecords</c>: what each invocation through the gateway leaves behind, and for how long.</summary>
internal sealed record CallRecordsOptions : IValidatableObject
{
    public const string Section = "CallRecords";

    /// <summary>Largest body capture allowed: a record stays small enough to write in a batch of hundreds.</summary>
    public const int MaxBodyBytesCap = 64 * 1024;

    /// <summary>Whether calls are recorded at all. Default true. Retention keeps running either way, so old records still expire.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Records waiting to be written; past it new records are dropped and counted, never the call. Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>
    /// Bytes the waiting records may hold in all (their strings, captured headers and bodies, as
    /// <see cref="CallRecord.ApproximateBytes"/> counts them); past it new records are dropped and counted, as past
    /// <see cref="QueueCapacity"/>. Default 64 MiB: with bodies captured, the count alone would allow about 1.3 GB.
    /// </summary>
    [Range(1L << 20, 1L << 32)]
    public long QueueMaxBytes { get; init; } = 64L << 20;

    /// <summary>Most records written in one transaction. Default 500.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; init; } = 500;

    /// <summary>Longest a record waits for its batch to fill before the batch is written anyway. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Records older than this are deleted. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Only the newest this many records are kept. Default 1,000,000.</summary>
    [Range(1, 100_000_000)]
    public long MaxCount { get; init; } = 1_000_000;

    /// <summary>How often retention runs (also once at start). Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Services whose request headers and bodies are recorded, as <c>namespace/appId</c> or <c>namespace/*</c>.
    /// Default none: bodies hold personal data more often than not, so recording them is a per-service choice.
    /// </summary>
    public IReadOnlyList<string> CaptureBodies { get; init; } = [];

    /// <summary>Bytes of each body recorded for those services, at most <see cref="MaxBodyBytesCap"/>. Default 4 KiB.</summary>
    [Range(0, MaxBodyBytesCap)]
    public int MaxBodyBytes { get; init; } = 4 * 1024;

    /// <summary>
    /// Request headers (case-insensitive) whose values are stored as <c>[redacted]</c>. Names configured here
    /// add to the defaults, which always apply: a configuration can never un-redact <c>Authorization</c>.
    /// </summary>
    public IReadOnlyList<string> RedactHeaders { get; init; } = CallRedaction.DefaultHeaders;

    /// <summary>
    /// Body fields whose values are stored as <c>[redacted]</c>: JSON property names at any depth
    /// (case-insensitive), and form-urlencoded field names. Names configured here add to the defaults.
    /// </summary>
    public IReadOnlyList<string> RedactFields { get; init; } = CallRedaction.DefaultFields;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in CaptureBodies)
        {
            if (BodyCaptureRules.Check(entry) is { } error)
            {
                yield return new ValidationResult($"{Section}:{nameof(CaptureBodies)}: {error}", [nameof(CaptureBodies)]);
            }
        }

        if (RedactHeaders.Any(string.IsNullOrWhiteSpace) || RedactFields.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(RedactHeaders)} and {Section}:{nameof(RedactFields)} may not hold empty names.",
                [nameof(RedactHeaders), nameof(RedactFields)]);
        }
    }
}
