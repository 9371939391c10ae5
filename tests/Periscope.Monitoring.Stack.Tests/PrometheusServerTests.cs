using System.Text.Json;

namespace Periscope.Monitoring.Stack.Tests;

public sealed class PrometheusServerTests(ScrapingStackFixture stack) : IClassFixture<ScrapingStackFixture>
{
    [Fact]
    public async Task QueryAsync_NodeExporterScraped_ReturnsCpuSamples()
    {
        await stack.Prometheus.WaitForTargetsUpAsync();
        using var answer = JsonDocument.Parse(await stack.Prometheus.QueryAsync("node_cpu_seconds_total{job=\"node\"}"));

        var result = answer.RootElement.GetProperty("data").GetProperty("result");
        Assert.Equal("success", answer.RootElement.GetProperty("status").GetString());
        Assert.NotEqual(0, result.GetArrayLength());
        Assert.Equal("node_cpu_seconds_total", result[0].GetProperty("metric").GetProperty("__name__").GetString());
    }

    [Fact]
    public async Task StartAsync_FiringRuleWithAlertmanager_AlertReachesWebhook()
    {
        await stack.Prometheus.WaitForAlertmanagersAsync();

        var delivery = await stack.Receiver.NextAsync(TimeSpan.FromSeconds(15));

        Assert.Equal("Bearer t", delivery.Authorization);
        using var payload = JsonDocument.Parse(delivery.Body);
        var labels = Assert.Single(payload.RootElement.GetProperty("alerts").EnumerateArray()).GetProperty("labels");
        Assert.Equal("AlwaysFiring", labels.GetProperty("alertname").GetString());
        Assert.Equal("test", labels.GetProperty("cluster").GetString());
    }

    [Fact]
    public async Task ReloadAsync_BrokenRuleFile_ThrowsWithPrometheusError()
    {
        await using var prometheus = await PrometheusServer.StartAsync(new PrometheusSetup());
        var rules = Path.Combine(prometheus.WorkDirectory, "broken.yml");
        await File.WriteAllTextAsync(rules, "groups: [{name: g, rules: [{alert: A, expr: 'sum('}]}]");

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => prometheus.ReloadAsync(new PrometheusSetup { RuleFiles = [Path.Combine(prometheus.WorkDirectory, "*.yml")] }));

        Assert.Contains("broken.yml", error.Message);
    }

    [Fact]
    public async Task ReloadAsync_RuleFileAdded_RuleLoaded()
    {
        await using var prometheus = await PrometheusServer.StartAsync(new PrometheusSetup());
        var rules = Path.Combine(prometheus.WorkDirectory, "rules.yml");
        await File.WriteAllTextAsync(rules, "groups: [{name: g, rules: [{alert: AlwaysFiring, expr: vector(1)}]}]");

        await prometheus.ReloadAsync(new PrometheusSetup { RuleFiles = [rules] });

        Assert.Contains("AlwaysFiring", await prometheus.GetJsonAsync("api/v1/rules"));
    }
}
