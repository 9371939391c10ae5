namespace Periscope.Kubernetes.Resources;

/// <summary>meta/v1 StatusDetails: which object the error is about and, for Invalid, the field causes.</summary>
internal sealed class StatusDetails
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    public string? Kind { get; set; }

    public string? Uid { get; set; }

    public List<StatusCause>? Causes { get; set; }

    public int? RetryAfterSeconds { get; set; }
}
