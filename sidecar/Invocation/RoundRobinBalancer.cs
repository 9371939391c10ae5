namespace Periscope.Sidecar.Invocation;

/// <summary>Each endpoint in turn, per app-id; the default, as Dapr's mDNS resolver balances (docs.dapr.io, "Service invocation overview").</summary>
internal sealed class RoundRobinBalancer : ILoadBalancer
{
    public InvocationEndpoint Pick(EndpointSet endpoints, IReadOnlyList<InvocationEndpoint> candidates) =>
        candidates[(int)(endpoints.NextTurn() % (uint)candidates.Count)];
}
