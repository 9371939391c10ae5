namespace Periscope.Functions.Store;

/// <summary>What one expiry pass deleted (<see cref="ICatalogStore.ExpireAsync"/>).</summary>
/// <param name="Endpoints">Endpoints whose last heartbeat was older than the cutoff.</param>
/// <param name="TrafficSequences">Pods' traffic-summary sequence numbers last applied before the cutoff.</param>
/// <param name="Documents">Document versions no service and no remaining endpoint referred to any more.</param>
internal sealed record CatalogExpiry(int Endpoints, int TrafficSequences, int Documents)
{
    public int Total => Endpoints + TrafficSequences + Documents;
}
