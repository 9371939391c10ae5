using System.Collections.Concurrent;

namespace Periscope.Prometheus;

/// <summary>The series of one metric family, keyed by tag set; safe for concurrent recording and scraping.</summary>
internal sealed class SeriesMap<TSeries>
    where TSeries : class
{
    private readonly ConcurrentDictionary<LabelSet, TSeries> series = new(LabelSetComparer.Instance);
    private readonly ConcurrentDictionary<LabelSet, TSeries>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> byTags;
    private readonly Func<TSeries> create;

    public SeriesMap(Func<TSeries> create)
    {
        this.create = create;
        byTags = series.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    }

    public bool IsEmpty => series.IsEmpty;

    public TSeries Get(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (byTags.TryGetValue(tags, out var existing))
        {
            return existing;
        }

        var created = create();
        while (!byTags.TryAdd(tags, created))
        {
            if (byTags.TryGetValue(tags, out existing))
            {
                return existing;
            }
        }

        return created;
    }

    public void Clear() => series.Clear();

    /// <summary>The series ordered by their labels, so that a scrape's output is deterministic.</summary>
    public List<KeyValuePair<LabelSet, TSeries>> Sorted()
    {
        // Enumerated, not copied: ToList() would use ICollection.CopyTo, which throws when a series is
        // added between its Count and its copy; the dictionary's enumerator is safe alongside writers.
        var list = new List<KeyValuePair<LabelSet, TSeries>>(series.Count);
        foreach (var pair in series)
        {
            list.Add(pair);
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Key.Rendered, b.Key.Rendered));
        return list;
    }
}
