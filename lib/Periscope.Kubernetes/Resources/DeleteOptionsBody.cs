namespace Periscope.Kubernetes.Resources;

/// <summary>meta/v1 DeleteOptions as sent in a DELETE body.</summary>
internal sealed class DeleteOptionsBody
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "DeleteOptions";

    public string? PropagationPolicy { get; set; }

    public long? GracePeriodSeconds { get; set; }

    public Preconditions? Preconditions { get; set; }
}
