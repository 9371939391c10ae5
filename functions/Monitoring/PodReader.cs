namespace Periscope.Functions.Monitoring;

/// <summary>
/// Asks Prometheus the pod and container queries of one namespace at one time, concurrently, and assembles a
/// <see cref="PodView"/> per pod any of them knows. Without cAdvisor or kube-state-metrics the queries answer
/// empty vectors, and so does this: an empty list, not an error.
/// </summary>
internal sealed class PodReader(PrometheusClient prometheus, PodQueries queries)
{
    public async Task<IReadOnlyList<PodView>> ReadAsync(PodScope scope, DateTimeOffset time, CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<PrometheusSample>> Ask(string query) => prometheus.QueryAsync(query, time, cancellationToken);
        const string by = PodQueries.ByContainer;
        var cpu = Ask(queries.CpuCores(scope, by));
        var memory = Ask(queries.MemoryWorkingSetBytes(scope, by));
        var fsRead = Ask(queries.FsReadBytesPerSecond(scope, by));
        var fsWrite = Ask(queries.FsWriteBytesPerSecond(scope, by));
        var restarts = Ask(queries.Restarts(scope, by));
        var ready = Ask(queries.Ready(scope));
        var phase = Ask(queries.Phase(scope));
        var receive = Ask(queries.NetworkBytesPerSecond("container_network_receive_bytes_total", scope));
        var transmit = Ask(queries.NetworkBytesPerSecond("container_network_transmit_bytes_total", scope));
        Task<IReadOnlyList<PrometheusSample>>[] perContainer = [cpu, memory, fsRead, fsWrite, restarts, ready];
        await Task.WhenAll([.. perContainer, phase, receive, transmit]);

        static (string, string) PodOf(PrometheusSample sample) => (sample.Label("namespace"), sample.Label("pod"));
        static (string, string, string) ContainerOf(PrometheusSample sample) => (sample.Label("namespace"), sample.Label("pod"), sample.Label("container"));
        var byContainer = perContainer.Select(answer => SampleIndex.By(answer.Result, ContainerOf)).ToArray();
        var (phases, received, transmitted) = (SampleIndex.By(phase.Result, PodOf), SampleIndex.By(receive.Result, PodOf), SampleIndex.By(transmit.Result, PodOf));
        var containersOf = perContainer.SelectMany(answer => answer.Result)
            .Where(sample => sample.Label("container").Length > 0)
            .ToLookup(PodOf, sample => sample.Label("container"));

        return perContainer.Concat([phase, receive, transmit])
            .SelectMany(answer => answer.Result)
            .Select(PodOf)
            .Where(pod => pod.Item2.Length > 0)
            .Distinct()
            .Order()
            .Select(pod =>
            {
                var containers = containersOf[pod]
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(name =>
                    {
                        var key = (pod.Item1, pod.Item2, name);
                        double?[] values = [.. byContainer.Select(index => index.ValueOf(key))];
                        return new ContainerView(name, values[0], values[1], values[2], values[3], values[4], values[5] is { } r ? r == 1 : null);
                    })
                    .ToList();
                return new PodView(
                    pod.Item1,
                    pod.Item2,
                    phases.GetValueOrDefault(pod)?.Label("phase"),
                    Sum(containers.Select(container => container.CpuCores)),
                    Sum(containers.Select(container => container.MemoryWorkingSetBytes)),
                    received.ValueOf(pod),
                    transmitted.ValueOf(pod),
                    Sum(containers.Select(container => container.Restarts)),
                    containers);
            })
            .ToList();
    }

    private static double? Sum(IEnumerable<double?> values) =>
        values.Where(value => value is not null).ToList() is { Count: > 0 } known ? known.Sum() : null;
}
