using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Api;
using Periscope.Kubernetes.Emulator.Resources;

namespace Periscope.Kubernetes.Emulator.Storage;

/// <summary>
/// The emulator's etcd: JSON objects keyed by (group/resource, namespace, name), one global revision that
/// becomes every object's resourceVersion, and a change history that watches replay until compacted.
/// </summary>
/// <remarks>
/// resourceVersion is opaque to clients but here, as in etcd, a monotonically increasing integer
/// (kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions). Objects sort by key the way
/// etcd ranges return them, so list order and continue tokens are stable.
/// </remarks>
internal sealed class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, (ResourceKind Kind, string? Namespace, JsonObject Object)> _objects = new(StringComparer.Ordinal);
    private readonly List<StoredEvent> _history = [];
    private readonly List<WatchSubscription> _watchers = [];
    private long _revision = 1;
    private long _compactedRevision;

    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public long CompactedRevision
    {
        get
        {
            lock (_gate)
            {
                return _compactedRevision;
            }
        }
    }

    public static string Key(ResourceKind kind, string? ns, string name) => $"{kind.StoreKey}\u0000{ns}\u0000{name}";

    public JsonObject? Get(ResourceKind kind, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(Key(kind, ns, name), out var entry) ? (JsonObject)entry.Object.DeepClone() : null;
        }
    }

    /// <summary>Objects of a kind (in one namespace, or all), sorted by key, with the revision they were read at.</summary>
    public (List<(string Key, JsonObject Object)> Items, long Revision) List(ResourceKind kind, string? ns)
    {
        lock (_gate)
        {
            var items = _objects
                .Where(e => e.Value.Kind == kind && (ns is null || e.Value.Namespace == ns))
                .Select(e => (e.Key, (JsonObject)e.Value.Object.DeepClone()))
                .ToList();
            return (items, _revision);
        }
    }

    public JsonObject Create(ResourceKind kind, string? ns, string name, JsonObject obj)
    {
        lock (_gate)
        {
            var key = Key(kind, ns, name);
            if (_objects.ContainsKey(key))
            {
                throw ApiError.AlreadyExists(kind, name);
            }

            var rv = ++_revision;
            SetResourceVersion(obj, rv);
            _objects[key] = (kind, ns, obj);
            Record(new StoredEvent(rv, "ADDED", kind, ns, (JsonObject)obj.DeepClone()));
            return (JsonObject)obj.DeepClone();
        }
    }

    /// <summary>
    /// Replaces an object with what <paramref name="change"/> makes of a copy of it, atomically; a change
    /// that alters nothing keeps the resourceVersion and sends no event, as kube-apiserver does.
    /// </summary>
    public JsonObject Update(ResourceKind kind, string? ns, string name, Func<JsonObject, JsonObject> change)
    {
        lock (_gate)
        {
            var key = Key(kind, ns, name);
            if (!_objects.TryGetValue(key, out var entry))
            {
                throw ApiError.NotFound(kind, name);
            }

            var next = change((JsonObject)entry.Object.DeepClone());
            SetResourceVersion(next, ResourceVersionOf(entry.Object));
            if (JsonNode.DeepEquals(next, entry.Object))
            {
                return next;
            }

            var rv = ++_revision;
            SetResourceVersion(next, rv);
            _objects[key] = (kind, ns, next);
            Record(new StoredEvent(rv, "MODIFIED", kind, ns, (JsonObject)next.DeepClone()));
            return (JsonObject)next.DeepClone();
        }
    }

    public JsonObject Delete(ResourceKind kind, string? ns, string name, Action<JsonObject>? precondition = null)
    {
        lock (_gate)
        {
            var key = Key(kind, ns, name);
            if (!_objects.TryGetValue(key, out var entry))
            {
                throw ApiError.NotFound(kind, name);
            }

            precondition?.Invoke(entry.Object);
            _objects.Remove(key);
            var rv = ++_revision;
            SetResourceVersion(entry.Object, rv);
            Record(new StoredEvent(rv, "DELETED", kind, ns, (JsonObject)entry.Object.DeepClone()));

            // Deleting a namespace deletes what is in it (the namespace controller's job in a cluster).
            if (kind == ResourceCatalog.Namespaces)
            {
                foreach (var child in _objects.Where(e => e.Value.Namespace == name).ToList())
                {
                    _objects.Remove(child.Key);
                    var childRv = ++_revision;
                    SetResourceVersion(child.Value.Object, childRv);
                    Record(new StoredEvent(childRv, "DELETED", child.Value.Kind, name, child.Value.Object));
                }
            }

            return (JsonObject)entry.Object.DeepClone();
        }
    }

    /// <summary>
    /// Starts a watch. No resourceVersion (or "0") replays current objects as ADDED first; a
    /// resourceVersion older than the compacted revision is 410 Expired (api-concepts, "410 Gone responses").
    /// </summary>
    public WatchSubscription Subscribe(ResourceKind kind, string? ns, long? fromRevision)
    {
        lock (_gate)
        {
            var subscription = new WatchSubscription(this, kind, ns);
            if (fromRevision is null or 0)
            {
                foreach (var e in _objects.Values.Where(e => e.Kind == kind && (ns is null || e.Namespace == ns)))
                {
                    subscription.Offer(new StoredEvent(ResourceVersionOf(e.Object), "ADDED", kind, e.Namespace, (JsonObject)e.Object.DeepClone()));
                }
            }
            else
            {
                if (fromRevision < _compactedRevision)
                {
                    throw ApiError.Expired($"too old resource version: {fromRevision} ({_compactedRevision})");
                }

                foreach (var e in _history.Where(e => e.ResourceVersion > fromRevision && subscription.Matches(e)))
                {
                    subscription.Offer(e);
                }
            }

            _watchers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>The revision a bookmark may carry: every event up to it has been handed to the watcher.</summary>
    public long? DrainedRevision(WatchSubscription subscription)
    {
        lock (_gate)
        {
            return subscription.Reader.Count == 0 ? _revision : null;
        }
    }

    /// <summary>Forgets history, like etcd compaction: older resourceVersions become 410 Expired.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
            _compactedRevision = _revision;
        }
    }

    internal void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _watchers.Remove(subscription);
        }
    }

    internal static long ResourceVersionOf(JsonObject obj) =>
        long.TryParse(Json.Str(obj["metadata"]?["resourceVersion"]), out var rv) ? rv : 0;

    private static void SetResourceVersion(JsonObject obj, long rv)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            obj["metadata"] = metadata = [];
        }

        metadata["resourceVersion"] = rv.ToString();
    }

    private void Record(StoredEvent e)
    {
        _history.Add(e);
        foreach (var watcher in _watchers.Where(w => w.Matches(e)))
        {
            watcher.Offer(e);
        }
    }
}
