namespace Periscope.Functions.Alerts;

/// <summary>One alert occurrence as stored: its latest state, when it was seen, and who acknowledged it.</summary>
internal sealed record StoredAlert
{
    public required long Id { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary><c>firing</c> or <c>resolved</c>.</summary>
    public required string Status { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required IReadOnlyDictionary<string, string> Annotations { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public string? GeneratorUrl { get; init; }

    public required string GroupKey { get; init; }

    public required string Receiver { get; init; }

    /// <summary>When Periscope first received it.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>When Alertmanager last sent it (repeats included).</summary>
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>When its state last changed here.</summary>
    public required DateTimeOffset ChangedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>The acknowledging API key's name.</summary>
    public string? AcknowledgedBy { get; init; }
}
