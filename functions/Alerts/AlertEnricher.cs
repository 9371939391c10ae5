using Microsoft.Extensions.Options;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Catalog;
using Periscope.Functions.Store;

namespace Periscope.Functions.Alerts;

/// <summary>
/// Adds what the catalog knows to alerts (<see cref="AlertEnrichment"/>). The subject is found from the labels
/// kube-prometheus and the sidecar's metrics carry: <c>operation</c> (an operation key) names one operation;
/// else <c>app</c>, <c>app_id</c> or <c>service</c> in <c>namespace</c> names a cataloged service; else <c>pod</c>
/// is matched against the sidecars' heartbeats. Lookups are shared across one payload, and the whole enrichment
/// is bounded by <see cref="Budget"/>: past it alerts go on with links only, so a slow store never holds a payload.
/// With <c>Alerts:UseKubernetes</c>, the pods named by <c>namespace</c> and <c>pod</c> are read from the cluster at the
/// same time as the catalog lookups, within the same budget (<see cref="PodStatusReader"/>), for the container's status
/// and restarts (<see cref="PodContainerStatus"/>).
/// </summary>
internal sealed partial class AlertEnricher(
    ICatalogStore catalog,
    IOptions<AlertsOptions> options,
    ILogger<AlertEnricher> logger,
    PodStatusReader? podReader = null)
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    /// <summary>Most operation keys listed for an alert about a whole service.</summary>
    public const int MaxOperations = 100;

    private static readonly string[] ServiceLabels = ["app", "app_id", "service"];

    private readonly Uri? _portal = options.Value.PortalUrl;

    public async Task<IReadOnlyList<AlertEnrichment>> EnrichAsync(
        IReadOnlyList<(long Id, IReadOnlyDictionary<string, string> Labels, string? GeneratorUrl)> subjects, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        var services = new Dictionary<ServiceKey, IReadOnlyList<string>?>();
        var found = new List<(string? AppId, IReadOnlyList<string> Operations)>(subjects.Count);
        var lookups = true;
        IReadOnlyDictionary<(string, string), string> pods = new Dictionary<(string, string), string>();

        // One query for every pod of the payload: a storm names a thousand pods. Kept in the payload's order, so the
        // cluster is asked about the first pods named.
        var wanted = new List<(string, string)>();
        var seen = new HashSet<(string, string)>();
        foreach (var (_, labels, _) in subjects)
        {
            if (labels.GetValueOrDefault("namespace") is { } ns && ResourceNames.IsLabel(ns)
                && labels.GetValueOrDefault("pod") is { Length: > 0 } pod && seen.Add((ns, pod)))
            {
                wanted.Add((ns, pod));
            }
        }

        var clusterPods = podReader is not null && wanted.Count > 0 ? podReader.ReadAsync(wanted, budget.Token) : null;
        try
        {
            pods = await catalog.FindAppIdsByPodAsync(wanted, budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogBudgetSpent(logger, Budget.TotalMilliseconds, 0, subjects.Count);
            lookups = false;
        }

        foreach (var (_, labels, _) in subjects)
        {
            (string? AppId, IReadOnlyList<string> Operations) subject = (null, []);
            if (lookups)
            {
                try
                {
                    subject = await FindAsync(labels.GetValueOrDefault("namespace"), labels, services, pods, budget.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    LogBudgetSpent(logger, Budget.TotalMilliseconds, found.Count, subjects.Count);
                    lookups = false;
                }
            }

            found.Add(subject);
        }

        // The reader never throws: a pod it could not read within the budget is simply absent.
        var podsRead = clusterPods is null ? null : await clusterPods;
        cancellationToken.ThrowIfCancellationRequested();
        var results = new List<AlertEnrichment>(subjects.Count);
        for (var i = 0; i < subjects.Count; i++)
        {
            var (id, labels, generatorUrl) = subjects[i];
            var @namespace = labels.GetValueOrDefault("namespace");
            var (status, restarts) = podsRead is not null && @namespace is not null && labels.GetValueOrDefault("pod") is { } pod
                && podsRead.TryGetValue((@namespace, pod), out var read)
                    ? PodContainerStatus.Describe(read, labels.GetValueOrDefault("container"))
                    : (null, null);
            results.Add(new AlertEnrichment(
                @namespace,
                found[i].AppId,
                found[i].Operations,
                status,
                restarts,
                PortalLink(id, @namespace, found[i].AppId),
                generatorUrl));
        }

        return results;
    }

    private async Task<(string? AppId, IReadOnlyList<string> Operations)> FindAsync(
        string? @namespace,
        IReadOnlyDictionary<string, string> labels,
        Dictionary<ServiceKey, IReadOnlyList<string>?> services,
        IReadOnlyDictionary<(string, string), string> pods,
        CancellationToken cancellationToken)
    {
        if (labels.GetValueOrDefault("operation") is { } key && OperationKey.IsWellFormed(key)
            && await catalog.GetOperationAsync(key, cancellationToken) is { } operation)
        {
            return (operation.Service.AppId, [operation.Key]);
        }

        if (!ResourceNames.IsLabel(@namespace))
        {
            return (null, []);
        }

        foreach (var name in ServiceLabels)
        {
            if (labels.GetValueOrDefault(name) is { } appId && ResourceNames.IsLabel(appId)
                && await OperationsAsync(new ServiceKey(@namespace!, appId), services, cancellationToken) is { } operations)
            {
                return (appId, operations);
            }
        }

        if (labels.GetValueOrDefault("pod") is { Length: > 0 } pod && pods.TryGetValue((@namespace!, pod), out var podApp)
            && await OperationsAsync(new ServiceKey(@namespace!, podApp), services, cancellationToken) is { } podOperations)
        {
            return (podApp, podOperations);
        }

        return (null, []);
    }

    /// <summary>The service's operation keys (the first <see cref="MaxOperations"/>); null when it is not cataloged.</summary>
    private async Task<IReadOnlyList<string>?> OperationsAsync(
        ServiceKey service, Dictionary<ServiceKey, IReadOnlyList<string>?> cache, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(service, out var operations))
        {
            operations = await catalog.GetServiceAsync(service, cancellationToken) is null
                ? null
                : (await catalog.ListOperationsAsync(service, new PageRequest(MaxOperations, null), cancellationToken)).Items
                    .Select(operation => operation.Key).ToList();
            cache[service] = operations;
        }

        return operations;
    }

    private string? PortalLink(long id, string? @namespace, string? appId)
    {
        if (_portal is null)
        {
            return null;
        }

        var path = appId is not null
            ? $"services/{Uri.EscapeDataString(@namespace!)}/{Uri.EscapeDataString(appId)}"
            : $"alerts/{id}";
        return new Uri(_portal.AbsoluteUri.EndsWith('/') ? _portal : new Uri(_portal.AbsoluteUri + "/"), path).AbsoluteUri;
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Alert enrichment stopped after {BudgetMs} ms at {Done} of {Total} alerts; the rest carry links only")]
    private static partial void LogBudgetSpent(ILogger logger, double budgetMs, int done, int total);
}
