namespace Periscope.Kubernetes.Client;

/// <summary>fieldManager and force of a PATCH; server-side apply requires the field manager.</summary>
internal sealed record PatchOptions
{
    public string? FieldManager { get; init; }

    /// <summary>Apply only: take ownership of fields another manager owns instead of a 409 conflict.</summary>
    public bool Force { get; init; }
}
