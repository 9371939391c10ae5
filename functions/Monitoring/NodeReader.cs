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

        (string, string) NodeAndName(PrometheusSample sample) => (sample.Label(label), sample.Label("__name__"));
        string NodeOf(PrometheusSample sample) => sample.Label(label);
        var (cpuOf, coresOf) = (SampleIndex.By(cpu.Result, NodeOf), SampleIndex.By(cores.Result, NodeOf));
        var (loadOf, memoryOf) = (SampleIndex.By(load.Result, NodeAndName), SampleIndex.By(memory.Result, NodeAndName));
        var filesystemsOf = filesystems.Result.ToLookup(NodeOf);
        var diskRates = DeviceRates(disks);
        var networkRates = DeviceRates(network);
        return names.Select(name =>
        {
            var total = memoryOf.ValueOf((name, "node_memory_MemTotal_bytes"));
            var available = memoryOf.ValueOf((name, "node_memory_MemAvailable_bytes"));
            var swapTotal = memoryOf.ValueOf((name, "node_memory_SwapTotal_bytes"));
            var swapFree = memoryOf.ValueOf((name, "node_memory_SwapFree_bytes"));
            return new NodeView(
                name,
                new NodeCpuView(
                    cpuOf.ValueOf(name),
                    coresOf.ValueOf(name) is { } count ? (int)count : null,
                    loadOf.ValueOf((name, "node_load1")),
                    loadOf.ValueOf((name, "node_load5")),
                    loadOf.ValueOf((name, "node_load15"))),
                new NodeMemoryView(total, available, total - available, Finite.Value(1 - (available / total)), swapTotal, swapFree, swapTotal - swapFree),
                Filesystems(filesystemsOf[name]),
                [.. diskRates(name).Select(rates => new DiskView(rates.Device, rates.Values[0], rates.Values[1], rates.Values[2], rates.Values[3]))],
                [.. networkRates(name).Select(rates => new NetworkInterfaceView(rates.Device, rates.Values[0], rates.Values[1], rates.Values[2], rates.Values[3], rates.Values[4], rates.Values[5]))]);
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

    /// <summary>
    /// Per node, its devices (in name order) with one value per counter (in the counters' order): the first
    /// sample of that node and device in each answer.
    /// </summary>
    private Func<string, IEnumerable<(string Device, double?[] Values)>> DeviceRates(Task<IReadOnlyList<PrometheusSample>>[] counters)
    {
        var label = queries.NodeLabel;
        var byDevice = counters.Select(task => SampleIndex.By(task.Result, sample => (sample.Label(label), sample.Label("device")))).ToArray();
        var devicesOf = counters.SelectMany(task => task.Result).ToLookup(sample => sample.Label(label), sample => sample.Label("device"));
        return node => devicesOf[node]
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(device => (device, byDevice.Select(index => index.ValueOf((node, device))).ToArray()));
    }
}
