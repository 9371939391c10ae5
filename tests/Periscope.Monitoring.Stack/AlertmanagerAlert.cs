using System.Text.Json.Serialization;

namespace Periscope.Monitoring.Stack;

/// <summary>
/// A postableAlert of Alertmanager's API v2 (POST /api/v2/alerts; openapi.yaml in
/// github.com/prometheus/alertmanager/api/v2). Without <see cref="EndsAt"/> the alert stays firing for
/// resolve_timeout; an endsAt in the past resolves it.
/// </summary>
public sealed record AlertmanagerAlert(IReadOnlyDictionary<string, string> Labels)
{
    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init; } = Labels;

    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("startsAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? StartsAt { get; init; }

    [JsonPropertyName("endsAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? EndsAt { get; init; }

    [JsonPropertyName("generatorURL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Uri? GeneratorUrl { get; init; }
}
