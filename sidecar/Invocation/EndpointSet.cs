namespace Periscope.Sidecar.Invocation;

/// <summary>An app-id's endpoints as the catalog last listed them, never empty, with the round-robin position.</summary>
internal sealed class EndpointSet(AppKey target, IReadOnlyList<InvocationEndpoint> endpoints)
{
    /// <summary>
    /// Starts anywhere: sidecars that all started counting at the first endpoint would send their first
    /// calls to the same pod (Envoy's round robin starts at a random index for the same reason).
    /// </summary>
    private int position = Random.Shared.Next();

    public AppKey Target => target;

    public IReadOnlyList<InvocationEndpoint> Endpoints => endpoints;

    /// <summary>The next round-robin turn; wraps around without ever going negative in the caller's modulo.</summary>
    public uint NextTurn() => (uint)Interlocked.Increment(ref position);
}
