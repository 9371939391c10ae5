using System.Text;
using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;
using Periscope.Functions.Monitoring;
using Periscope.Functions.Store;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// Renders every stored rule and hands the result to Prometheus. Steps: (1) read and render all rules, so the
/// output never depends on which change came first; (2) write the rule file atomically — a temporary file in the
/// same folder, then a rename, so Prometheus never reads half a file; (3) ask Prometheus to reload
/// (<c>POST /-/reload</c>, prometheus.io/docs/prometheus/latest/management_api/#reload); (4) apply the
/// PrometheusRule through the Kubernetes API. One publication at a time: the last one always carries the latest rules.
/// </summary>
internal sealed class AlertRulePublisher(
    IAlertRuleStore store,
    IOptions<AlertRulesOptions> options,
    IOptions<MonitoringOptions> monitoring,
    IOptions<StoreOptions> storage,
    IServiceProvider services,
    ILogger<AlertRulePublisher> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HttpClient _http = new(new OffSocketThreadHandler(new SocketsHttpHandler { UseProxy = false })) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Every stored rule, rendered, by name.</summary>
    public async Task<IReadOnlyList<RenderedAlertRule>> RenderAsync(CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).Select(rule => AlertRuleRenderer.Render(rule, monitoring.Value.NodeLabel)).ToList();

    public string RuleFileYaml(IReadOnlyList<RenderedAlertRule> rules) => RuleYaml.RuleFile(options.Value.GroupName, rules);

    public string PrometheusRuleYaml(IReadOnlyList<RenderedAlertRule> rules)
    {
        var settings = options.Value;
        return RuleYaml.PrometheusRule(settings.PrometheusRuleName, settings.Namespace, settings.PrometheusRuleLabels, settings.GroupName, rules);
    }

    public async Task<AlertRulePublication> PublishAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var errors = new List<string>();
            var rules = await RenderAsync(cancellationToken); // (1)
            string? ruleFile = null;
            bool? reloaded = null;
            if (settings.RuleFileIn(storage.Value.DataDirectory) is { } path)
            {
                ruleFile = await WriteRuleFileAsync(path, RuleFileYaml(rules), rules.Count, errors, cancellationToken); // (2)
                if (ruleFile is not null && settings.ReloadPrometheus)
                {
                    reloaded = await ReloadAsync(settings.PublishTimeout, errors, cancellationToken); // (3)
                }
            }

            bool? applied = settings.ApplyToCluster ? await ApplyAsync(settings, rules, errors, cancellationToken) : null; // (4)
            return new AlertRulePublication(ruleFile, reloaded, applied, errors);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _http.Dispose();
    }

    private async Task<string?> WriteRuleFileAsync(string path, string yaml, int count, List<string> errors, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(temporary, yaml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            File.Move(temporary, path, overwrite: true);
            AlertRulesLog.RuleFileWritten(logger, count, path);
            return path;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            AlertRulesLog.RuleFileFailed(logger, path, exception);
            errors.Add($"The rule file {path} could not be written: {exception.Message}");
            File.Delete(temporary);
            return null;
        }
    }

    private async Task<bool> ReloadAsync(TimeSpan timeout, List<string> errors, CancellationToken cancellationToken)
    {
        var url = new Uri(monitoring.Value.PrometheusUrl, "-/reload");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        string cause;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            if (monitoring.Value.BearerToken is { Length: > 0 } token)
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            using var response = await _http.SendAsync(request, timeoutSource.Token);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            // Prometheus answers 403 "Lifecycle API is not enabled." without --web.enable-lifecycle, and 500 with
            // the loader's error when a rule file does not load.
            var body = await response.Content.ReadAsStringAsync(timeoutSource.Token);
            cause = $"{(int)response.StatusCode} {body.Trim()}";
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            cause = exception is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s" : exception.Message;
        }

        AlertRulesLog.ReloadFailed(logger, url, cause);
        errors.Add($"Prometheus at {url} did not reload: {cause}");
        return false;
    }

    private async Task<bool> ApplyAsync(AlertRulesOptions settings, IReadOnlyList<RenderedAlertRule> rules, List<string> errors, CancellationToken cancellationToken)
    {
        if (services.GetService<IPrometheusRuleApplier>() is not { } applier)
        {
            errors.Add("AlertRules:ApplyToCluster is true but no Kubernetes cluster is configured.");
            return false;
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(settings.PublishTimeout);
        try
        {
            await applier.ApplyAsync(settings.PrometheusRuleName, settings.Namespace, PrometheusRuleYaml(rules), timeoutSource.Token);
            AlertRulesLog.Applied(logger, settings.Namespace, settings.PrometheusRuleName, rules.Count);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AlertRulesLog.ApplyFailed(logger, settings.Namespace, settings.PrometheusRuleName, exception);
            errors.Add($"PrometheusRule {settings.Namespace}/{settings.PrometheusRuleName} was not applied: {exception.Message}");
            return false;
        }
    }
}
