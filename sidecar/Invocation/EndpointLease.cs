namespace Periscope.Sidecar.Invocation;

/// <summary>One outstanding request on an endpoint; disposing it (once) ends it.</summary>
internal readonly struct EndpointLease(InvocationEndpoint endpoint) : IDisposable
{
    public InvocationEndpoint Endpoint => endpoint;

    public void Dispose() => endpoint.Release();
}
