using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Traffic;

/// <summary>Cutting summaries, and the statistics of operations that left the document.</summary>
internal sealed partial class TrafficRecorder
{
    /// <summary>
    /// The traffic since the previous cut (or since the start), ending at <paramref name="now"/>; null
    /// when there was none. <see cref="TrafficSummary.Instance"/> and <see cref="TrafficSummary.Sequence"/>
    /// are left for <see cref="TrafficBatches"/>.
    /// </summary>
    public TrafficSummary? CutSummary(DateTimeOffset now)
    {
        lock (gate)
        {
            cuts++;
            var news = new List<OperationStats>();
            foreach (var stats in state.Stats)
            {
                AddIfNews(news, stats);
            }

            foreach (var stats in inferred.Values)
            {
                AddIfNews(news, stats);
            }

            for (var i = retiring.Count - 1; i >= 0; i--)
            {
                var stats = retiring[i];
                if (stats.HasNews)
                {
                    news.Add(stats);
                }
                else if (cuts - stats.RetiredAtCut > RetireAfterCuts)
                {
                    retiring.RemoveAt(i);
                    if (stats.Inferred)
                    {
                        Volatile.Write(ref inferredCount, inferredCount - 1);
                    }
                }
            }

            var operations = new List<OperationTraffic>(Math.Min(news.Count, maxOperationsPerSummary));
            for (var i = 0; i < Math.Min(news.Count, maxOperationsPerSummary); i++)
            {
                // Past the limit, take turns from where the previous cut stopped, so no operation waits for ever.
                var index = news.Count > maxOperationsPerSummary ? (rotation + i) % news.Count : i;
                operations.Add(news[index].Cut());
            }

            rotation = news.Count > maxOperationsPerSummary ? (rotation + maxOperationsPerSummary) % news.Count : 0;
            var unattributedDelta = Interlocked.Read(ref unattributed) - cutUnattributed;
            cutUnattributed += unattributedDelta;
            var from = lastCut;
            lastCut = now;
            if (operations.Count == 0 && unattributedDelta == 0)
            {
                return null;
            }

            return new TrafficSummary { From = from, To = now, Operations = operations, UnattributedRequests = unattributedDelta };
        }
    }

    private static void AddIfNews(List<OperationStats> news, OperationStats stats)
    {
        if (stats.HasNews)
        {
            news.Add(stats);
        }
    }

    private void Retire(IEnumerable<OperationStats> leaving)
    {
        foreach (var stats in leaving)
        {
            stats.RetiredAtCut = cuts;
            retiring.Add(stats);
        }
    }

    private OperationStats? Unretire(string key)
    {
        var index = retiring.FindIndex(s => !s.Inferred && string.Equals(s.Method + " " + s.PathTemplate, key, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var stats = retiring[index];
        retiring.RemoveAt(index);
        stats.RetiredAtCut = -1;
        return stats;
    }
}
