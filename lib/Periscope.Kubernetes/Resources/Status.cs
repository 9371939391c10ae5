using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>
/// meta/v1 Status: the body of every API error and of a watch ERROR event
/// (API conventions, "Response Status Kind").
/// </summary>
internal sealed class Status
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    /// <summary>"Success" or "Failure".</summary>
    [JsonPropertyName("status")]
    public string? Outcome { get; set; }

    public string? Message { get; set; }

    public string? Reason { get; set; }

    public StatusDetails? Details { get; set; }

    public int Code { get; set; }
}
