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
/// </summary>
internal sealed partial class AlertEnricher(ICatalogStore catalog, IAlertStore alerts, IOptions<AlertsOptions> options, ILogger<AlertEnricher> logger)
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
        var results = new List<AlertEnrichment>(subjects.Count);
        var lookups = true;
        IReadOnlyDictionary<(string, string), string> pods = new Dictionary<(string, string), string>();
        try
        {
            // One query for every pod of the payload: a storm names a thousand pods.
            var wanted = subjects
                .Select(subject => (Namespace: subject.Labels.GetValueOrDefault("namespace"), Pod: subject.Labels.GetValueOrDefault("pod")))
                .Where(pair => ResourceNames.IsLabel(pair.Namespace) && !string.IsNullOrEmpty(pair.Pod))
                .Select(pair => (pair.Namespace!, pair.Pod!))
                .ToHashSet();
            pods = await alerts.FindAppIdsByPodAsync(wanted, budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogBudgetSpent(logger, Budget.TotalMilliseconds, 0, subjects.Count);
            lookups = false;
        }
        foreach (var (id, labels, generatorUrl) in subjects)
        {
            var @namespace = labels.GetValueOrDefault("namespace");
            (string? AppId, IReadOnlyList<string> Operations) subject = (null, []);
            if (lookups)
            {
                try
                {
                    subject = await FindAsync(@namespace, labels, services, pods, budget.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    LogBudgetSpent(logger, Budget.TotalMilliseconds, results.Count, subjects.Count);
                    lookups = false;
                }
            }

            results.Add(new AlertEnrichment(
                @namespace,
                subject.AppId,
                subject.Operations,
                ContainerStatus: null,
                RecentRestarts: null,
                PortalLink(id, @namespace, subject.AppId),
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
