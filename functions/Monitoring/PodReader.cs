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
        static double? Find(Task<IReadOnlyList<PrometheusSample>> answer, Func<PrometheusSample, bool> match) =>
            answer.Result.FirstOrDefault(match) is { } found ? Finite.Value(found.Value) : null;

        return perContainer.Concat([phase, receive, transmit])
            .SelectMany(answer => answer.Result)
            .Select(PodOf)
            .Where(pod => pod.Item2.Length > 0)
            .Distinct()
            .Order()
            .Select(pod =>
            {
                var containers = perContainer.SelectMany(answer => answer.Result)
                    .Where(sample => PodOf(sample) == pod && sample.Label("container").Length > 0)
                    .Select(sample => sample.Label("container"))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(name =>
                    {
                        bool Is(PrometheusSample sample) => PodOf(sample) == pod && sample.Label("container") == name;
                        return new ContainerView(
                            name, Find(cpu, Is), Find(memory, Is), Find(fsRead, Is), Find(fsWrite, Is), Find(restarts, Is), Find(ready, Is) is { } r ? r == 1 : null);
                    })
                    .ToList();
                bool OfPod(PrometheusSample sample) => PodOf(sample) == pod;
                return new PodView(
                    pod.Item1,
                    pod.Item2,
                    phase.Result.FirstOrDefault(OfPod)?.Label("phase"),
                    Sum(containers.Select(container => container.CpuCores)),
                    Sum(containers.Select(container => container.MemoryWorkingSetBytes)),
                    Find(receive, OfPod),
                    Find(transmit, OfPod),
                    Sum(containers.Select(container => container.Restarts)),
                    containers);
            })
            .ToList();
    }

    private static double? Sum(IEnumerable<double?> values) =>
        values.Where(value => value is not null).ToList() is { Count: > 0 } known ? known.Sum() : null;
}
