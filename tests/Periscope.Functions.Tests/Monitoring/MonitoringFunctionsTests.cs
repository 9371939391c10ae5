using System.Net;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Monitoring.Doubles;

namespace Periscope.Functions.Tests.Monitoring;

/// <summary>The functions host over a <see cref="FakePrometheus"/>: the PromQL it sends, how it shapes answers, how it passes errors on.</summary>
public sealed class MonitoringFunctionsTests : IAsyncLifetime
{
    private const string Key = "monitoring-fake-tests-bootstrap-key-0123456789";
    private FakePrometheus prometheus = null!;
    private FunctionsTestServer server = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        prometheus = await FakePrometheus.StartAsync();
        server = await FunctionsTestServer.StartAsync(
        [
            "--Catalog:ReportToken=monitoring-tests-report-token-0123456789",
            $"--Access:BootstrapKey={Key}",
            $"--Monitoring:PrometheusUrl={prometheus.BaseAddress}",
        ]);
        client = server.CreateClient(Key);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
        await prometheus.DisposeAsync();
    }

    [Theory]
    [InlineData("/orders/\"}or(vector(1))#")]
    [InlineData("/a\\\"}[5m]))or(vector(1))")]
    [InlineData("/x=~\".*\"")]
    public async Task GetOperationRange_HostileOperation_ReachesPrometheusAsOneExactMatcher(string operation)
    {
        prometheus.Answer = _ => FakePrometheus.Json(200, """{"status":"success","data":{"resultType":"matrix","result":[]}}""");

        using var response = await client.GetAsync($"/api/monitoring/services/shop/orders/operations/range?metric=requests&operation={Uri.EscapeDataString(operation)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var query = Assert.Single(prometheus.Requests).Query["query"].ToString();
        const string metric = "periscope_sidecar_requests_total";
        var open = query.IndexOf(metric + "{", StringComparison.Ordinal) + metric.Length;
        var matchers = SelectorParser.MatchersAt(query, open, out var end);
        Assert.Equal([("namespace", "=", "shop"), ("app_id", "=", "orders"), ("operation", "=", operation)], matchers);
        Assert.Equal($"[300000ms])))", query[(end + 1)..] + ")");
        Assert.Equal("sum by (operation, method) (rate(" + metric, query[..open]);
    }

    [Fact]
    public async Task ListPods_CadvisorAndKubeStateAnswers_AssemblesPodsWithContainers()
    {
        prometheus.Answer = request =>
        {
            var query = request.Query["query"].ToString();
            static string Vector(string items) => "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + items + "]}}";
            const string app = "\"namespace\":\"shop\",\"pod\":\"orders-1\",\"container\":\"app\"";
            const string sidecar = "\"namespace\":\"shop\",\"pod\":\"orders-1\",\"container\":\"periscope-sidecar\"";
            return FakePrometheus.Json(200, query switch
            {
                _ when query.Contains("container_cpu_usage_seconds_total", StringComparison.Ordinal) =>
                    Vector("{\"metric\":{" + app + "},\"value\":[1,\"0.25\"]},{\"metric\":{" + sidecar + "},\"value\":[1,\"0.05\"]}"),
                _ when query.Contains("container_memory_working_set_bytes", StringComparison.Ordinal) =>
                    Vector("{\"metric\":{" + app + "},\"value\":[1,\"1000\"]}"),
                _ when query.Contains("kube_pod_status_phase", StringComparison.Ordinal) =>
                    Vector("""{"metric":{"namespace":"shop","pod":"orders-1","phase":"Running"},"value":[1,"1"]}"""),
                _ when query.Contains("container_network_receive_bytes_total", StringComparison.Ordinal) =>
                    Vector("""{"metric":{"namespace":"shop","pod":"orders-1"},"value":[1,"NaN"]}"""),
                _ when query.Contains("kube_pod_container_status_ready", StringComparison.Ordinal) =>
                    Vector("{\"metric\":{" + app + "},\"value\":[1,\"1\"]},{\"metric\":{" + sidecar + "},\"value\":[1,\"0\"]}"),
                _ => Vector(string.Empty),
            });
        };

        var pods = await FunctionsTestServer.GetJsonAsync(client, "/api/monitoring/namespaces/shop/pods?time=1795000000");

        var pod = Assert.Single(pods.GetProperty("items").EnumerateArray());
        Assert.Equal(("orders-1", "Running"), (pod.GetProperty("pod").GetString(), pod.GetProperty("phase").GetString()));
        Assert.Equal(0.3, pod.GetProperty("cpuCores").GetDouble(), 1e-12);
        Assert.Equal(1000, pod.GetProperty("memoryWorkingSetBytes").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, pod.GetProperty("networkReceiveBytesPerSecond").ValueKind);
        Assert.Equal(
            [("app", true), ("periscope-sidecar", false)],
            pod.GetProperty("containers").EnumerateArray().Select(container => (container.GetProperty("container").GetString(), container.GetProperty("ready").GetBoolean())));
        Assert.All(prometheus.Requests, request => Assert.Equal("1795000000", request.Query["time"]));
        Assert.All(prometheus.Requests, request => Assert.Contains("namespace=\"shop\"", request.Query["query"].ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListTop_PrometheusBadData_Answers400WithPrometheusMessage()
    {
        prometheus.Answer = _ => FakePrometheus.Json(400, """{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:1: parse error"}""");

        using var response = await client.GetAsync("/api/monitoring/top?target=pod&metric=memory");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("parse error", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(prometheus.BaseAddress.AbsoluteUri, problem.GetProperty("prometheusUrl").GetString());
    }

    [Fact]
    public async Task ListTop_PodMemory_SendsTopKOfWorkingSetByPod()
    {
        using var response = await client.GetAsync("/api/monitoring/top?target=pod&metric=memory&n=5&namespace=shop");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "topk(5, sum by (namespace, pod) (container_memory_working_set_bytes{job=\"kubelet\", metrics_path=\"/metrics/cadvisor\", container!=\"\", image!=\"\", namespace=\"shop\"}))",
            Assert.Single(prometheus.Requests).Query["query"].ToString());
    }
}
