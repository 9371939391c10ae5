namespace Periscope.Kubernetes.Client;

/// <summary>Query parameters of GET pods/{name}/log (core/v1 PodLogOptions).</summary>
internal sealed record PodLogOptions
{
    public string? Container { get; init; }

    public bool Follow { get; init; }

    public bool Previous { get; init; }

    public bool Timestamps { get; init; }

    public long? TailLines { get; init; }

    public long? SinceSeconds { get; init; }
}
