namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 Secret. data values are base64 on the wire and bytes here.</summary>
internal sealed class Secret : KubernetesObject
{
    public string? Type { get; set; }

    public Dictionary<string, byte[]>? Data { get; set; }

    /// <summary>Write-only convenience: the server merges it into data.</summary>
    public Dictionary<string, string>? StringData { get; set; }

    public bool? Immutable { get; set; }
}
