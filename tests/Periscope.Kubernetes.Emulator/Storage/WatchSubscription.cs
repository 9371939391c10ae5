using System.Threading.Channels;
using Periscope.Kubernetes.Emulator.Resources;

namespace Periscope.Kubernetes.Emulator.Storage;

/// <summary>A watcher's queue: events after its starting resourceVersion, in order. Multi-reader so that Count works for bookmarks.</summary>
internal sealed class WatchSubscription(ObjectStore store, ResourceKind kind, string? ns) : IDisposable
{
    private readonly Channel<StoredEvent> _events = Channel.CreateUnbounded<StoredEvent>();

    public ChannelReader<StoredEvent> Reader => _events.Reader;

    public bool Matches(StoredEvent e) => e.Kind == kind && (ns is null || e.Namespace == ns);

    public void Offer(StoredEvent e) => _events.Writer.TryWrite(e);

    public void Dispose()
    {
        store.Unsubscribe(this);
        _events.Writer.TryComplete();
    }
}
