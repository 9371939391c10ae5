namespace Periscope.Kubernetes.Client;

/// <summary>
/// Query parameters of a list (API concepts, "Retrieving large results sets in chunks" and
/// "Resource versions"). A null field is not sent.
/// </summary>
internal sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public int? Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }

    /// <summary>"NotOlderThan" or "Exact"; only meaningful with <see cref="ResourceVersion"/>.</summary>
    public string? ResourceVersionMatch { get; init; }
}
