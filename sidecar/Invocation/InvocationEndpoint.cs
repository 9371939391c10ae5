namespace Periscope.Sidecar.Invocation;

/// <summary>
/// One place an app-id can be invoked (in Kubernetes the pod's sidecar inbound port), with what load
/// balancing and passive health need to know about it. The same instance lives on across catalog
/// refreshes while the catalog keeps listing it, so its counts survive them.
/// </summary>
internal sealed class InvocationEndpoint
{
    private int outstanding;
    private long outOfRotationUntilTicks;

    public InvocationEndpoint(string address, int port, string? pod)
    {
        Authority = $"{(address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address)}:{port}";
        Destination = new Uri($"http://{Authority}");
        Pod = pod;
    }

    /// <summary><c>address:port</c>, an IPv6 address in brackets (RFC 3986 §3.2.2); also the endpoint's identity.</summary>
    public string Authority { get; }

    public Uri Destination { get; }

    public string? Pod { get; }

    /// <summary>Requests forwarded to this endpoint that have not completed.</summary>
    public int Outstanding => Volatile.Read(ref outstanding);

    /// <summary>Counts a request as outstanding until the lease is disposed.</summary>
    public EndpointLease Lease()
    {
        Interlocked.Increment(ref outstanding);
        return new EndpointLease(this);
    }

    public bool IsOutOfRotation(DateTimeOffset now) => now.UtcTicks < Volatile.Read(ref outOfRotationUntilTicks);

    public void TakeOutOfRotation(DateTimeOffset until) => Volatile.Write(ref outOfRotationUntilTicks, until.UtcTicks);

    internal void Release() => Interlocked.Decrement(ref outstanding);
}
