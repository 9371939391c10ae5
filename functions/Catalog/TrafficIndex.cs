using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>
/// A service's traffic by method and path template. A documented operation is the one the current
/// document has under that <c>paths</c> key and method, which is exactly what its sidecars report; what
/// a sidecar counted as inferred under the same method and template is the same operation, and is added.
/// </summary>
internal sealed class TrafficIndex
{
    private readonly Dictionary<(string Method, string Path), TrafficTotals> _totals = [];

    public TrafficIndex(IEnumerable<TrafficRecord> records)
    {
        foreach (var record in records)
        {
            var key = (record.Method, record.PathTemplate);
            _totals[key] = _totals.TryGetValue(key, out var seen) ? seen.Add(record.Totals) : record.Totals;
        }
    }

    public IEnumerable<(string Method, string Path, TrafficTotals Totals)> All =>
        _totals.Select(entry => (entry.Key.Method, entry.Key.Path, entry.Value));

    public TrafficTotals? Find(string method, string pathTemplate) =>
        _totals.TryGetValue((method, pathTemplate), out var totals) ? totals : null;
}
