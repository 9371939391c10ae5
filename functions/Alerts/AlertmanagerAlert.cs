using System.Text.Json.Serialization;

namespace Periscope.Functions.Alerts;

/// <summary>One element of <see cref="AlertmanagerPayload.Alerts"/>, as it arrives.</summary>
// Settable, not init-only, for the reason AlertmanagerPayload gives.
internal sealed record AlertmanagerAlert
{
    public string? Status { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public Dictionary<string, string>? Annotations { get; set; }

    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    [JsonPropertyName("generatorURL")]
    public string? GeneratorUrl { get; set; }

    public string? Fingerprint { get; set; }
}
