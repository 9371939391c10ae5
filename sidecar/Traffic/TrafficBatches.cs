using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Traffic;

/// <summary>
/// Delivers traffic summaries exactly once (TrafficSummary's remarks): a summary is numbered when cut and
/// offered again, unchanged, until the catalog accepts it; only then is the next one cut. The catalog
/// applies a given (instance, sequence) once, so a report whose answer was lost costs nothing twice,
/// and traffic recorded meanwhile waits in the recorder for the next cut.
/// </summary>
internal sealed class TrafficBatches(TrafficRecorder recorder)
{
    private readonly Lock gate = new();
    private TrafficSummary? pending;
    private long sequence;

    /// <summary>This process's random id, 32 hex digits: a restarted sidecar is a new instance whose sequence starts again at 1.</summary>
    /// <remarks>
    /// A version 4 GUID: 122 bits from the operating system's secure source without loading OpenSSL, which
    /// RandomNumberGenerator does (about 3 MB of a sidecar's resident memory).
    /// </remarks>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The summary to send: the unacknowledged one if there is one, else a new cut; null when there was no traffic.</summary>
    public TrafficSummary? Next(DateTimeOffset now)
    {
        lock (gate)
        {
            if (pending is null && recorder.CutSummary(now) is { } cut)
            {
                pending = cut with { Instance = Instance, Sequence = ++sequence };
            }

            return pending;
        }
    }

    /// <summary>The catalog has the summary numbered <paramref name="acknowledged"/>; a stale number changes nothing.</summary>
    public void Acknowledge(long acknowledged)
    {
        lock (gate)
        {
            if (pending?.Sequence == acknowledged)
            {
                pending = null;
            }
        }
    }
}
