namespace Periscope.Functions.Hosting;

/// <summary>Marks the host's own endpoints (<c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>), which the function metrics leave out.</summary>
internal sealed class HostEndpointMetadata
{
    public static readonly HostEndpointMetadata Instance = new();

    private HostEndpointMetadata()
    {
    }
}
