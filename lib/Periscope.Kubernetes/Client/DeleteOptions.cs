namespace Periscope.Kubernetes.Client;

/// <summary>Delete options (meta/v1 DeleteOptions).</summary>
internal sealed record DeleteOptions
{
    /// <summary>"Orphan", "Background" or "Foreground"; the kind's default when null.</summary>
    public string? PropagationPolicy { get; init; }

    public long? GracePeriodSeconds { get; init; }

    /// <summary>Delete only if the object still has this resourceVersion (else 409 Conflict).</summary>
    public string? ResourceVersion { get; init; }
}
