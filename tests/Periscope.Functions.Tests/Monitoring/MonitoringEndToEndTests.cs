using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Periscope.Functions.Monitoring;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Monitoring.Doubles;

namespace Periscope.Functions.Tests.Monitoring;

/// <summary>The functions against the real Prometheus and node_exporter: same time, same answer as Prometheus's own.</summary>
[Collection(SharedMonitoringHost.Name)]
public sealed class MonitoringEndToEndTests(MonitoringStackHost stack)
{
    [Fact]
    public async Task GetNode_SameTime_MatchesPrometheusAnswers()
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds());
        var at = (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

        var node = await FunctionsTestServer.GetJsonAsync(stack.Client, $"/api/monitoring/nodes/{Uri.EscapeDataString(stack.Node)}?time={at}");

        var instance = $"instance=\"{stack.Node}\", job=\"node\"";
        Assert.Equal(stack.Node, node.GetProperty("node").GetString());
        AssertSame(
            await OneAsync($"1 - avg by (instance) (sum without (mode) (rate(node_cpu_seconds_total{{{instance}, mode=~\"idle|iowait|steal\"}}[{MonitoringStackHost.Window}])))", time),
            node.GetProperty("cpu").GetProperty("utilisationRatio"));
        AssertSame(await OneAsync($"count(node_cpu_seconds_total{{{instance}, mode=\"idle\"}})", time), node.GetProperty("cpu").GetProperty("cores"));
        AssertSame(await OneAsync($"node_load5{{{instance}}}", time), node.GetProperty("cpu").GetProperty("load5"));
        AssertSame(await OneAsync($"node_memory_MemAvailable_bytes{{{instance}}}", time), node.GetProperty("memory").GetProperty("availableBytes"));
        AssertSame(
            await OneAsync($"node_memory_MemTotal_bytes{{{instance}}} - node_memory_MemAvailable_bytes{{{instance}}}", time),
            node.GetProperty("memory").GetProperty("usedBytes"));

        var filesystem = node.GetProperty("filesystems").EnumerateArray().First();
        var mount = filesystem.GetProperty("mountPoint").GetString()!;
        var device = filesystem.GetProperty("device").GetString()!;
        AssertSame(
            await OneAsync($"node_filesystem_avail_bytes{{{instance}, mountpoint={PromQl.String(mount)}, device={PromQl.String(device)}}}", time),
            filesystem.GetProperty("availableBytes"));

        var network = node.GetProperty("network").EnumerateArray().First();
        AssertSame(
            await OneAsync($"rate(node_network_receive_bytes_total{{{instance}, device={PromQl.String(network.GetProperty("device").GetString()!)}}}[{MonitoringStackHost.Window}])", time),
            network.GetProperty("receiveBytesPerSecond"));
        Assert.DoesNotContain(node.GetProperty("network").EnumerateArray(), item => item.GetProperty("device").GetString() == "lo");
    }

    [Fact]
    public async Task ListNodes_RealStack_ListsTheNode()
    {
        var nodes = await FunctionsTestServer.GetJsonAsync(stack.Client, "/api/monitoring/nodes");

        Assert.Equal([stack.Node], nodes.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("node").GetString()));
    }

    [Fact]
    public async Task GetNodeRange_Cpu_MatchesPrometheusQueryRange()
    {
        var end = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
        var path = $"/api/monitoring/nodes/{Uri.EscapeDataString(stack.Node)}/range?metric=cpu&start={end - 4}&end={end}&step=1";

        var range = await FunctionsTestServer.GetJsonAsync(stack.Client, path);

        var query = $"1 - avg by (instance) (sum without (mode) (rate(node_cpu_seconds_total{{instance=\"{stack.Node}\", job=\"node\", mode=~\"idle|iowait|steal\"}}[{MonitoringStackHost.Window}])))";
        using var response = await stack.Direct.GetAsync($"api/v1/query_range?query={Uri.EscapeDataString(query)}&start={end - 4}&end={end}&step=1");
        using var direct = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var expected = direct.RootElement.GetProperty("data").GetProperty("result")[0].GetProperty("values").EnumerateArray()
            .Select(point => (point[0].GetDouble(), double.Parse(point[1].GetString()!, CultureInfo.InvariantCulture))).ToList();
        var series = Assert.Single(range.GetProperty("series").EnumerateArray());
        Assert.Equal("utilisationRatio", series.GetProperty("name").GetString());
        var actual = series.GetProperty("points").EnumerateArray().Select(point => (point[0].GetDouble(), point[1].GetDouble())).ToList();
        // Same instants; values to 1e-9, since Prometheus's float sums may differ in the last bit between two evaluations.
        Assert.Equal(expected.Select(point => point.Item1), actual.Select(point => point.Item1));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Item2, pair.Second.Item2, 1e-9));
    }

    [Fact]
    public async Task ListTop_NodeCpu_RanksTheNode()
    {
        var top = await FunctionsTestServer.GetJsonAsync(stack.Client, "/api/monitoring/top?target=node&metric=cpu&n=3");

        var item = Assert.Single(top.GetProperty("items").EnumerateArray());
        Assert.Equal(stack.Node, item.GetProperty("node").GetString());
        Assert.Equal("ratio", top.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task ListPods_NoCadvisor_AnswersEmptyList()
    {
        var pods = await FunctionsTestServer.GetJsonAsync(stack.Client, "/api/monitoring/namespaces/default/pods");
        var operations = await FunctionsTestServer.GetJsonAsync(stack.Client, "/api/monitoring/services/default/orders/operations");
        var top = await FunctionsTestServer.GetJsonAsync(stack.Client, "/api/monitoring/top?target=container&metric=memory&namespace=default");

        Assert.Empty(pods.GetProperty("items").EnumerateArray());
        Assert.Empty(operations.GetProperty("items").EnumerateArray());
        Assert.Empty(top.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(PromQlTests.Hostile), MemberType = typeof(PromQlTests))]
    public async Task NodeQueries_HostileNode_PrometheusParsesTheIntendedMatcher(string hostile)
    {
        var queries = new NodeQueries(Options.Create(new MonitoringOptions { NodeExporterJob = "node" }));
        var selector = queries.MemoryAvailableBytes(hostile);

        // Prometheus's own parser (GET /api/v1/format_query, 2.30+) reads the selector back.
        using var response = await stack.Direct.GetAsync($"api/v1/format_query?query={Uri.EscapeDataString(selector)}");
        using var formatted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var matchers = SelectorParser.Matchers(formatted.RootElement.GetProperty("data").GetString()!);
        Assert.Equal([("instance", "=", hostile), ("job", "=", "node")], matchers.OrderBy(matcher => matcher.Name));

        // And evaluates it to nothing: no node has that name, and no "or vector(1)" got through.
        Assert.Empty((await stack.QueryAsync(selector, DateTimeOffset.UtcNow)).EnumerateArray());
    }

    [Theory]
    [InlineData("/api/monitoring/nodes/a%22%7D%20or%20vector(1)%20%23")]
    [InlineData("/api/monitoring/nodes/UPPER")]
    [InlineData("/api/monitoring/namespaces/a%0Ab/pods")]
    [InlineData("/api/monitoring/services/default/a%5Cb/operations")]
    [InlineData("/api/monitoring/top?target=node&metric=restarts")]
    [InlineData("/api/monitoring/top?target=pod&metric=cpu&n=0")]
    [InlineData("/api/monitoring/nodes/a/range?metric=cpu&start=1795000000&end=1795086400&step=1")]
    [InlineData("/api/monitoring/nodes/a/range?metric=bogus")]
    [InlineData("/api/monitoring/nodes?time=yesterday")]
    public async Task Functions_BadInput_Answer400(string path)
    {
        using var response = await stack.Client.GetAsync(path);

        await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListNodes_PrometheusDown_Answers503NamingUrlAndCause()
    {
        var url = $"http://127.0.0.1:{PrometheusClientTests.ClosedPort()}/";
        await using var server = await FunctionsTestServer.StartAsync(["--Catalog:ReportToken=monitoring-tests-report-token-0123456789", $"--Access:BootstrapKey={MonitoringStackHost.AdminKey}", $"--Monitoring:PrometheusUrl={url}"]);
        using var client = server.CreateClient(MonitoringStackHost.AdminKey);

        using var response = await client.GetAsync("/api/monitoring/nodes");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains(url, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("unreachable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(url, problem.GetProperty("prometheusUrl").GetString());
    }

    [Fact]
    public async Task ListNodes_NoKey_Answers401()
    {
        using var anonymous = new HttpClient { BaseAddress = stack.Client.BaseAddress };

        using var response = await anonymous.GetAsync("/api/monitoring/nodes");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<double> OneAsync(string promql, DateTimeOffset time)
    {
        var result = await stack.QueryAsync(promql, time);
        Assert.True(result.GetArrayLength() == 1, $"{promql}: {result}");
        return double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    private static void AssertSame(double expected, JsonElement actual) => Assert.Equal(expected, actual.GetDouble(), 1e-9);
}
