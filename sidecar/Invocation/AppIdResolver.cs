using System.Collections.Concurrent;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Invocation;

/// <summary>
/// Resolves an app-id to its endpoints through the catalog, cached so that an invocation rarely waits
/// for the catalog and the catalog sees one lookup per app-id per TTL, not one per call.
/// </summary>
/// <remarks>
/// 1. A lookup younger than <see cref="SidecarOptions.ResolutionTtl"/> is used as it is.
/// 2. An older list of endpoints is still used, for up to <see cref="StaleLimit"/>, while one lookup
///    refreshes it in the background (RFC 5861's stale-while-revalidate), so expiry costs no call any latency.
/// 3. Otherwise the caller waits for the lookup; concurrent callers share one (single flight).
/// 4. When the catalog cannot be asked, what was known within <see cref="StaleLimit"/> is used
///    (stale-if-error); with nothing known, the caller learns why.
/// 5. An endpoint that refused a connection leaves the rotation for <see cref="OutOfRotationFor"/> and
///    makes the app-id's list due for a refresh, as daprd drops its resolver cache entry on Unavailable
///    (dapr/dapr pkg/messaging/direct_messaging.go, invokeWithRetry). When every endpoint is out, all of
///    them are tried again rather than none (Envoy's panic threshold does the same).
/// Invoking one's own app-id goes to the sidecar's own endpoint without asking the catalog, as daprd
/// invokes its own app locally (direct_messaging.go, Invoke).
/// </remarks>
internal sealed class AppIdResolver(
    CatalogEndpointsClient catalog, SidecarOptions options, TimeProvider time, ILogger<AppIdResolver> logger)
{
    /// <summary>How long a list is used after the catalog became unreachable: a catalog restart or rollout, not an outage of hours.</summary>
    public static readonly TimeSpan StaleLimit = TimeSpan.FromMinutes(10);

    /// <summary>A short passive-health ejection; the catalog drops pods that stop heartbeating within a minute anyway.</summary>
    public static readonly TimeSpan OutOfRotationFor = TimeSpan.FromSeconds(10);

    /// <summary>Beyond this many app-ids, entries that are no longer fresh are swept before adding another.</summary>
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<AppKey, Entry> cache = new();
    private readonly AppKey self = new(options.Namespace, options.AppId);
    private readonly Resolution selfResolution = new(
        ResolutionStatus.Found,
        new EndpointSet(new AppKey(options.Namespace, options.AppId), [new InvocationEndpoint(options.EndpointAddress, options.EndpointPort, options.Pod)]));

    public ValueTask<Resolution> ResolveAsync(AppKey target, CancellationToken cancellationToken)
    {
        if (target == self)
        {
            return ValueTask.FromResult(selfResolution);
        }

        var entry = EntryFor(target);
        if (entry.Known is { } known)
        {
            var age = time.GetUtcNow() - known.At;
            if (age < options.ResolutionTtl)
            {
                return ValueTask.FromResult(known.Resolution);
            }

            if (age < options.ResolutionTtl + StaleLimit && known.Resolution.Status == ResolutionStatus.Found)
            {
                _ = Refresh(target, entry);
                return ValueTask.FromResult(known.Resolution);
            }
        }

        return new ValueTask<Resolution>(Refresh(target, entry).WaitAsync(cancellationToken));
    }

    /// <summary>The endpoints of <paramref name="endpoints"/> worth trying next: not tried yet, in rotation if any is.</summary>
    public IReadOnlyList<InvocationEndpoint> Candidates(EndpointSet endpoints, IReadOnlyCollection<InvocationEndpoint> tried)
    {
        var now = time.GetUtcNow();
        var all = endpoints.Endpoints;
        var usable = 0;
        foreach (var endpoint in all)
        {
            if (!endpoint.IsOutOfRotation(now) && !tried.Contains(endpoint))
            {
                usable++;
            }
        }

        // The common case, every endpoint in rotation and none tried: the list itself, no copy.
        if (usable == all.Count)
        {
            return all;
        }

        var inRotation = usable > 0;
        var candidates = new List<InvocationEndpoint>(inRotation ? usable : all.Count);
        foreach (var endpoint in all)
        {
            if (!tried.Contains(endpoint) && (!inRotation || !endpoint.IsOutOfRotation(now)))
            {
                candidates.Add(endpoint);
            }
        }

        return candidates;
    }

    /// <summary>Step 5: <paramref name="endpoint"/> refused a connection.</summary>
    public void ConnectFailed(AppKey target, InvocationEndpoint endpoint)
    {
        var now = time.GetUtcNow();
        endpoint.TakeOutOfRotation(now + OutOfRotationFor);
        logger.EndpointOutOfRotation(endpoint.Authority, target.ToString(), OutOfRotationFor);
        if (cache.TryGetValue(target, out var entry) && entry.Known is { } known && now - known.At < options.ResolutionTtl)
        {
            entry.Known = known with { At = now - options.ResolutionTtl };
        }
    }

    private Entry EntryFor(AppKey target)
    {
        if (cache.TryGetValue(target, out var entry))
        {
            return entry;
        }

        if (cache.Count >= MaxEntries)
        {
            Sweep();
        }

        return cache.GetOrAdd(target, static _ => new Entry());
    }

    /// <summary>Steps 3 and 4: the one lookup in flight for <paramref name="target"/>, started if there is none.</summary>
    private Task<Resolution> Refresh(AppKey target, Entry entry)
    {
        TaskCompletionSource<Resolution> lookup;
        lock (entry.Gate)
        {
            if (entry.Lookup is { IsCompleted: false } running)
            {
                return running;
            }

            lookup = new TaskCompletionSource<Resolution>(TaskCreationOptions.RunContinuationsAsynchronously);
            entry.Lookup = lookup.Task;
        }

        _ = LookUpAsync(target, entry, lookup);
        return lookup.Task;
    }

    private async Task LookUpAsync(AppKey target, Entry entry, TaskCompletionSource<Resolution> lookup)
    {
        try
        {
            // Not the caller's token: other callers share this lookup; the client's timeout bounds it.
            var answer = await catalog.LookupAsync(target, CancellationToken.None);
            lookup.SetResult(Remember(target, entry, answer));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            lookup.SetResult(Remember(target, entry, new CatalogLookup(ResolutionStatus.CatalogUnavailable, Problem: e.Message)));
        }
    }

    private Resolution Remember(AppKey target, Entry entry, CatalogLookup answer)
    {
        var now = time.GetUtcNow();
        if (answer.Status == ResolutionStatus.CatalogUnavailable)
        {
            var problem = answer.Problem ?? "the catalog is unavailable";
            if (entry.Known is { } known && now - known.At < options.ResolutionTtl + StaleLimit)
            {
                logger.ServingStaleEndpoints(target.ToString(), problem, now - known.At);
                return known.Resolution;
            }

            logger.CannotResolve(target.ToString(), problem);
            return Resolution.Unavailable(problem);
        }

        var resolution = answer.Status switch
        {
            ResolutionStatus.Found => new Resolution(ResolutionStatus.Found, Merge(target, entry.Known?.Resolution.Endpoints, answer.Items!)),
            ResolutionStatus.UnknownApp => Resolution.Unknown,
            _ => Resolution.NoEndpoints,
        };
        entry.Known = new KnownResolution(resolution, now);
        return resolution;
    }

    /// <summary>Keeps the endpoint objects the catalog still lists, with their outstanding counts and rotation state.</summary>
    private static EndpointSet Merge(AppKey target, EndpointSet? previous, IReadOnlyList<ResolvedEndpoint> items)
    {
        var endpoints = new List<InvocationEndpoint>(items.Count);
        foreach (var item in items)
        {
            var fresh = new InvocationEndpoint(item.Address!, item.Port, item.Pod);
            if (endpoints.Any(e => e.Authority == fresh.Authority))
            {
                continue;
            }

            endpoints.Add(previous?.Endpoints.FirstOrDefault(e => e.Authority == fresh.Authority) ?? fresh);
        }

        return new EndpointSet(target, endpoints);
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in cache)
        {
            if (entry.Lookup is null or { IsCompleted: true } && (entry.Known is null || now - entry.Known.At >= options.ResolutionTtl))
            {
                cache.TryRemove(key, out _);
            }
        }
    }

    private sealed record KnownResolution(Resolution Resolution, DateTimeOffset At);

    /// <summary>One app-id's cache slot; <see cref="Known"/> is replaced whole, so a reader sees a list and its time together.</summary>
    private sealed class Entry
    {
        public readonly Lock Gate = new();
        public volatile KnownResolution? Known;
        public volatile Task<Resolution>? Lookup;
    }
}
