namespace Periscope.Functions.Monitoring;

/// <summary>Asks Prometheus every node query at one evaluation time, concurrently, and assembles one <see cref="NodeView"/> per node.</summary>
internal sealed class NodeReader(PrometheusClient prometheus, NodeQueries queries)
{
    public async Task<IReadOnlyList<NodeView>> ReadAsync(string? node, DateTimeOffset time, CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<PrometheusSample>> Ask(string query) => prometheus.QueryAsync(query, time, cancellationToken);
        var cpu = Ask(queries.CpuUtilisation(node));
        var cores = Ask(queries.CpuCores(node));
        var load = Ask(queries.Load(node));
        var memory = Ask(queries.Memory(node));
        var filesystems = Ask(queries.Filesystems(node));
        var disks = NodeQueries.DiskCounters.Select(counter => Ask(queries.DiskRate(counter, node))).ToArray();
        var network = NodeQueries.NetworkCounters.Select(counter => Ask(queries.NetworkRate(counter, node))).ToArray();
        await Task.WhenAll([cpu, cores, load, memory, filesystems, .. disks, .. network]);

        var label = queries.NodeLabel;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var sample in new[] { cpu, cores, load, memory, filesystems }.SelectMany(task => task.Result))
        {
            names.Add(sample.Label(label));
        }

        return names.Select(name =>
        {
            double? Named(IEnumerable<PrometheusSample> samples, string metric) =>
                samples.FirstOrDefault(sample => sample.Label(label) == name && sample.Label("__name__") == metric) is { } found ? Finite.Value(found.Value) : null;
            double? Of(IEnumerable<PrometheusSample> samples) =>
                samples.FirstOrDefault(sample => sample.Label(label) == name) is { } found ? Finite.Value(found.Value) : null;

            var total = Named(memory.Result, "node_memory_MemTotal_bytes");
            var available = Named(memory.Result, "node_memory_MemAvailable_bytes");
            var swapTotal = Named(memory.Result, "node_memory_SwapTotal_bytes");
            var swapFree = Named(memory.Result, "node_memory_SwapFree_bytes");
            return new NodeView(
                name,
                new NodeCpuView(Of(cpu.Result), Of(cores.Result) is { } count ? (int)count : null, Named(load.Result, "node_load1"), Named(load.Result, "node_load5"), Named(load.Result, "node_load15")),
                new NodeMemoryView(total, available, total - available, Finite.Value(1 - (available / total)), swapTotal, swapFree, swapTotal - swapFree),
                Filesystems(filesystems.Result.Where(sample => sample.Label(label) == name)),
                PerDevice(disks, name, rates => new DiskView(rates.Device, rates.Values[0], rates.Values[1], rates.Values[2], rates.Values[3])),
                PerDevice(network, name, rates => new NetworkInterfaceView(rates.Device, rates.Values[0], rates.Values[1], rates.Values[2], rates.Values[3], rates.Values[4], rates.Values[5])));
        }).ToList();
    }

    /// <summary>One view per mount point; when a filesystem is mounted twice, the first device reported.</summary>
    private static List<FilesystemView> Filesystems(IEnumerable<PrometheusSample> samples) =>
        samples.GroupBy(sample => sample.Label("mountpoint"), StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var first = group.OrderBy(sample => sample.Label("device"), StringComparer.Ordinal).First();
                var device = group.Where(sample => sample.Label("device") == first.Label("device")).ToList();
                var size = device.FirstOrDefault(sample => sample.Label("__name__") == "node_filesystem_size_bytes") is { } s ? Finite.Value(s.Value) : null;
                var available = device.FirstOrDefault(sample => sample.Label("__name__") == "node_filesystem_avail_bytes") is { } a ? Finite.Value(a.Value) : null;
                return new FilesystemView(group.Key, first.Label("device"), first.Label("fstype"), size, available, size - available, Finite.Value(1 - (available / size)));
            })
            .ToList();

    private List<T> PerDevice<T>(Task<IReadOnlyList<PrometheusSample>>[] counters, string node, Func<(string Device, double?[] Values), T> create) =>
        counters.SelectMany(task => task.Result)
            .Where(sample => sample.Label(queries.NodeLabel) == node)
            .Select(sample => sample.Label("device"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(device => create((device, counters
                .Select(task => task.Result.FirstOrDefault(sample => sample.Label(queries.NodeLabel) == node && sample.Label("device") == device) is { } found ? Finite.Value(found.Value) : null)
                .ToArray())))
            .ToList();
}
