namespace Periscope.Sidecar.Traffic;

/// <summary>Which operations were called since the sidecar started, for its metadata.</summary>
internal sealed partial class TrafficRecorder
{
    /// <summary>Documented operations never called since the sidecar started (zombie APIs), in document order.</summary>
    public IReadOnlyList<OperationUsage> UnusedOperations()
    {
        var current = Volatile.Read(ref state);
        var unused = new List<OperationUsage>();
        foreach (var operation in current.Table.Operations)
        {
            if (current.Stats[operation.Index].TotalRequests == 0)
            {
                unused.Add(new OperationUsage(operation.Method, operation.PathTemplate, operation.OperationId, Inferred: false, Requests: 0));
            }
        }

        return unused;
    }

    /// <summary>Operations the document does not describe that were called (shadow APIs), by template then method.</summary>
    public IReadOnlyList<OperationUsage> InferredOperations()
    {
        var found = new List<OperationUsage>(inferred.Count);
        foreach (var stats in inferred.Values)
        {
            found.Add(new OperationUsage(stats.Method, stats.PathTemplate, OperationId: null, Inferred: true, stats.TotalRequests));
        }

        found.Sort(static (a, b) =>
        {
            var byPath = string.CompareOrdinal(a.PathTemplate, b.PathTemplate);
            return byPath != 0 ? byPath : string.CompareOrdinal(a.Method, b.Method);
        });
        return found;
    }
}
