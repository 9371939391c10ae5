using System.Text.Json;

namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 ServicePort.</summary>
internal sealed class ServicePort
{
    public string? Name { get; set; }

    public int Port { get; set; }

    /// <summary>IntOrString: a number or a named container port, so kept as raw JSON.</summary>
    public JsonElement? TargetPort { get; set; }

    public string? Protocol { get; set; }

    public string? AppProtocol { get; set; }
}
