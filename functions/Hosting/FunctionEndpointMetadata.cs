namespace Periscope.Functions.Hosting;

/// <summary>
/// Marks the endpoints mapped under the route prefix: the host.json limits, the function timeout and the
/// function metrics apply to these and to nothing else (not to <c>/healthz</c> or <c>/metrics</c>).
/// </summary>
internal sealed class FunctionEndpointMetadata
{
    public static readonly FunctionEndpointMetadata Instance = new();

    private FunctionEndpointMetadata()
    {
    }

    /// <summary>The function's name (its endpoint name, the class name) when the request matched a function, else null.</summary>
    public static string? FunctionName(HttpContext context) =>
        context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<FunctionEndpointMetadata>() is not null
            ? endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? "unnamed"
            : null;
}
