using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;

namespace Periscope.Sidecar.Traffic;

/// <summary>
/// Records every request through the inbound port against an operation: the documented one it
/// matches, else an inferred one named by <see cref="PathTemplater"/>, else (past the bound on inferred
/// operations) none, counted as unattributed. Feeds <see cref="TrafficMetrics"/> and cuts summaries
/// for <see cref="TrafficBatches"/>.
/// </summary>
/// <remarks>
/// Recording is lock-free: one volatile read of the current <see cref="RecorderState"/>, a match that
/// allocates nothing, and interlocked additions to the operation's <see cref="OperationStats"/>. An
/// inferred operation is looked up by its template written on the stack; only a new one allocates, and
/// is added under the lock. The lock is otherwise taken by document changes and cuts, a few times a minute.
/// Statistics outlive the document that described them: an operation still in a new document keeps
/// them, and one that left it is retired, still cut while requests that matched it before the change
/// finish, and dropped after two cuts without news.
/// </remarks>
internal sealed partial class TrafficRecorder
{
    /// <summary>The catalog refuses summaries with more operations; the others wait for the next cut.</summary>
    public const int DefaultMaxOperationsPerSummary = 1000;

    private const int RetireAfterCuts = 2;

    /// <summary>"OPTIONS " or "CONNECT " before the template in an inferred operation's key.</summary>
    private const int LongestMethodAndSpace = 8;

    private readonly int maxInferredOperations;
    private readonly int maxOperationsPerSummary;
    private readonly TrafficMetrics? metrics;
    private readonly ILogger logger;
    private readonly PathTemplater templater = new();
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, OperationStats> inferred = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OperationStats>.AlternateLookup<ReadOnlySpan<char>> inferredByKey;
    private readonly List<OperationStats> retiring = [];
    private Dictionary<string, OperationStats> documented = new(StringComparer.Ordinal);
    private RecorderState state = new(OperationTable.Empty, []);
    /// <summary>Inferred operations kept, retiring ones included; written under the gate only.</summary>
    private int inferredCount;
    private int limitLogged;
    private long unattributed;
    private long cutUnattributed;
    private int cuts;
    private int rotation;
    private DateTimeOffset lastCut;

    /// <param name="maxInferredOperations">The most inferred operations kept (SidecarOptions.MaxInferredOperations).</param>
    /// <param name="metrics">Where requests are also counted for <c>/metrics</c>; none in tests that need none.</param>
    /// <param name="time">For the start of the first summary's period.</param>
    /// <param name="logger">Where document changes are logged.</param>
    /// <param name="maxOperationsPerSummary">The most operations in one summary.</param>
    public TrafficRecorder(
        int maxInferredOperations,
        TrafficMetrics? metrics = null,
        TimeProvider? time = null,
        ILogger<TrafficRecorder>? logger = null,
        int maxOperationsPerSummary = DefaultMaxOperationsPerSummary)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxInferredOperations);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOperationsPerSummary, 1);
        this.maxInferredOperations = maxInferredOperations;
        this.maxOperationsPerSummary = maxOperationsPerSummary;
        this.metrics = metrics;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        inferredByKey = inferred.GetAlternateLookup<ReadOnlySpan<char>>();
        lastCut = (time ?? TimeProvider.System).GetUtcNow();
    }

    /// <summary>The document requests are matched against now.</summary>
    public OperationTable Table => Volatile.Read(ref state).Table;

    /// <summary>Matches requests from now on against the operations of this document (an unreadable one: none).</summary>
    public void UseDocument(string content, string? contentType)
    {
        var table = OperationTable.Parse(content, contentType);
        if (table.Problem is { } problem)
        {
            logger.DocumentUnreadable(problem);
        }
        else
        {
            logger.DocumentRead(table.Operations.Count, table.PathPrefix);
        }

        lock (gate)
        {
            var stats = new OperationStats[table.Operations.Count];
            var current = new Dictionary<string, OperationStats>(stats.Length, StringComparer.Ordinal);
            foreach (var operation in table.Operations)
            {
                if (!documented.Remove(operation.Key, out var kept) && (kept = Unretire(operation.Key)) is null)
                {
                    kept = new OperationStats(
                        operation.Method, operation.PathTemplate, operation.OperationId, inferred: false,
                        metrics?.CreateTags(operation.Method, operation.PathTemplate));
                }

                stats[operation.Index] = kept;
                current[operation.Key] = kept;
            }

            Retire(documented.Values);
            documented = current;

            // Inferred operations the document now describes take no more requests: retire them too,
            // which frees their places under the bound.
            var described = new List<OperationStats>();
            foreach (var (key, operation) in inferred)
            {
                if (table.Match(operation.Method, operation.PathTemplate) is not null && inferred.TryRemove(key, out _))
                {
                    described.Add(operation);
                }
            }

            Retire(described);
            Volatile.Write(ref state, new RecorderState(table, stats));
        }
    }

    /// <summary>Counts one request. Thread-safe and lock-free.</summary>
    /// <param name="method">As received.</param>
    /// <param name="path">The request target's path (a query is ignored).</param>
    /// <param name="statusCode">What the client was answered, the sidecar's own 502/504 included.</param>
    /// <param name="elapsed">From the request's arrival to the end of the answer.</param>
    /// <param name="requestBytes">Bytes of the request body.</param>
    /// <param name="responseBytes">Bytes of the response body.</param>
    public void Record(string method, string path, int statusCode, TimeSpan elapsed, long requestBytes, long responseBytes)
    {
        var current = Volatile.Read(ref state);
        var statusClass = StatusClasses.IndexOf(statusCode);
        var error = StatusClasses.IsError(statusCode);
        elapsed = elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
        requestBytes = Math.Max(0, requestBytes);
        responseBytes = Math.Max(0, responseBytes);

        var operation = current.Table.Match(method, path);
        var stats = operation is not null ? current.Stats[operation.Index] : FindOrAddInferred(method, path, current.Table);
        if (stats is null)
        {
            Interlocked.Increment(ref unattributed);
            metrics?.Record(metrics.UnattributedTags(RequestMethods.IndexOf(method)), statusClass, error, elapsed, requestBytes, responseBytes);
            return;
        }

        stats.Record(statusClass, error, elapsed, requestBytes, responseBytes);
        if (stats.MetricTags is { } tags)
        {
            metrics?.Record(tags, statusClass, error, elapsed, requestBytes, responseBytes);
        }
    }

    private OperationStats? FindOrAddInferred(string method, string path, OperationTable table)
    {
        var name = RequestMethods.Normalize(method);
        Span<char> key = stackalloc char[LongestMethodAndSpace + templater.MaxLength];
        name.CopyTo(key);
        key[name.Length] = ' ';
        var length = name.Length + 1 + templater.Write(table.WithoutPrefix(path), key[(name.Length + 1)..]);
        if (inferredByKey.TryGetValue(key[..length], out var existing))
        {
            return existing;
        }

        // Past the bound nothing is added, but the template may have been added since the look-up above (the
        // count rises only after its operation is in the dictionary): look once more before giving up.
        if (Volatile.Read(ref inferredCount) >= maxInferredOperations)
        {
            return inferredByKey.TryGetValue(key[..length], out existing) ? existing : BoundReached();
        }

        // A new inferred operation is rare (the bound's worth until the document changes), so it is added under
        // the gate: requests racing for one template share one operation, and none loses its count to
        // "unattributed" while another takes the last place.
        lock (gate)
        {
            if (inferredByKey.TryGetValue(key[..length], out existing))
            {
                return existing;
            }

            if (inferredCount >= maxInferredOperations)
            {
                return BoundReached();
            }

            var template = key[(name.Length + 1)..length].ToString();
            var created = new OperationStats(name, template, operationId: null, inferred: true, metrics?.CreateTags(name, template));
            inferred[key[..length].ToString()] = created;
            Volatile.Write(ref inferredCount, inferredCount + 1);
            return created;
        }
    }

    private OperationStats? BoundReached()
    {
        if (Interlocked.Exchange(ref limitLogged, 1) == 0)
        {
            logger.InferredLimitReached(maxInferredOperations);
        }

        return null;
    }
}
