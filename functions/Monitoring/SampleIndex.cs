namespace Periscope.Functions.Monitoring;

/// <summary>
/// One answer's samples by a key made of their labels, so assembling views costs one pass per answer instead of
/// a scan of every answer per pod or node (a namespace of 500 pods made that quadratic). When several samples
/// share a key, the first one answered is kept, as a scan for the first match would have found.
/// </summary>
internal static class SampleIndex
{
    public static Dictionary<TKey, PrometheusSample> By<TKey>(IEnumerable<PrometheusSample> samples, Func<PrometheusSample, TKey> key)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, PrometheusSample>();
        foreach (var sample in samples)
        {
            index.TryAdd(key(sample), sample);
        }

        return index;
    }

    /// <summary>The finite value of the sample under <paramref name="key"/>, if any.</summary>
    public static double? ValueOf<TKey>(this Dictionary<TKey, PrometheusSample> index, TKey key)
        where TKey : notnull =>
        index.TryGetValue(key, out var sample) ? Finite.Value(sample.Value) : null;
}
