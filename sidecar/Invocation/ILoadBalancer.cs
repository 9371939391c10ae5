namespace Periscope.Sidecar.Invocation;

/// <summary>Picks the endpoint for the next attempt (<see cref="Configuration.SidecarOptions.LoadBalancing"/>).</summary>
internal interface ILoadBalancer
{
    /// <summary>One of <paramref name="candidates"/> (never empty), all of them endpoints of <paramref name="endpoints"/>.</summary>
    InvocationEndpoint Pick(EndpointSet endpoints, IReadOnlyList<InvocationEndpoint> candidates);
}
