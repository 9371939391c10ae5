using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Periscope.Functions.Monitoring;
using Periscope.Functions.Tests.Monitoring.Doubles;

namespace Periscope.Functions.Tests.Monitoring;

public sealed class PrometheusClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);
    private FakePrometheus prometheus = null!;

    public async Task InitializeAsync() => prometheus = await FakePrometheus.StartAsync();

    public async Task DisposeAsync() => await prometheus.DisposeAsync();

    [Fact]
    public async Task QueryAsync_Vector_ReadsLabelsTimesAndSpecialValues()
    {
        prometheus.Answer = _ => FakePrometheus.Json(200, """
            {"status":"success","data":{"resultType":"vector","result":[
              {"metric":{"__name__":"up","instance":"a"},"value":[1795000000.5,"1.25"]},
              {"metric":{"instance":"b"},"value":[1795000000.5,"NaN"]},
              {"metric":{"instance":"c"},"value":[1795000000.5,"+Inf"]},
              {"metric":{"instance":"d"},"value":[1795000000.5,"-Inf"]}]}}
            """);
        using var client = Create();

        var samples = await client.QueryAsync("up", At, CancellationToken.None);

        Assert.Equal(["a", "b", "c", "d"], samples.Select(sample => sample.Label("instance")));
        Assert.Equal(1.25, samples[0].Value);
        Assert.Equal("up", samples[0].Label("__name__"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_500), samples[0].Time);
        Assert.True(double.IsNaN(samples[1].Value));
        Assert.Equal(double.PositiveInfinity, samples[2].Value);
        Assert.Equal(double.NegativeInfinity, samples[3].Value);
        var request = Assert.Single(prometheus.Requests);
        Assert.Equal("/api/v1/query", request.Path);
        Assert.Equal("up", request.Query["query"]);
        Assert.Equal("1795000000", request.Query["time"]);
        Assert.Equal("10000ms", request.Query["timeout"]);
        Assert.Equal("Bearer prometheus-token", request.Authorization);
    }

    [Fact]
    public async Task QueryRangeAsync_Matrix_ReadsEveryPoint()
    {
        prometheus.Answer = _ => FakePrometheus.Json(200, """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"instance":"a"},"values":[[1795000000,"1"],[1795000015,"2.5"]]}]}}
            """);
        using var client = Create();

        var series = Assert.Single(await client.QueryRangeAsync("up", new QueryRange(At, At.AddSeconds(15), TimeSpan.FromSeconds(15)), CancellationToken.None));

        Assert.Equal([new PrometheusPoint(1_795_000_000, 1), new PrometheusPoint(1_795_000_015, 2.5)], series.Points);
        var request = Assert.Single(prometheus.Requests);
        Assert.Equal("/api/v1/query_range", request.Path);
        Assert.Equal(("1795000000", "1795000015", "15"), (request.Query["start"].ToString(), request.Query["end"].ToString(), request.Query["step"].ToString()));
    }

    [Fact]
    public async Task QueryAsync_Scalar_IsOneUnlabelledSample()
    {
        prometheus.Answer = _ => FakePrometheus.Json(200, """{"status":"success","data":{"resultType":"scalar","result":[1795000000,"3"]}}""");
        using var client = Create();

        var sample = Assert.Single(await client.QueryAsync("3", At, CancellationToken.None));

        Assert.Empty(sample.Labels);
        Assert.Equal(3, sample.Value);
    }

    [Theory]
    [InlineData(400, "bad_data", 400)]
    [InlineData(422, "execution", 502)]
    [InlineData(503, "timeout", 503)]
    [InlineData(503, "unavailable", 503)]
    [InlineData(500, "internal", 502)]
    public async Task QueryAsync_ErrorEnvelope_ThrowsWithStatusAndPrometheusMessage(int prometheusStatus, string errorType, int expected)
    {
        prometheus.Answer = _ => FakePrometheus.Json(prometheusStatus, $$"""{"status":"error","errorType":"{{errorType}}","error":"the message from Prometheus"}""");
        using var client = Create();

        var failure = await Assert.ThrowsAsync<PrometheusQueryException>(() => client.QueryAsync("up", At, CancellationToken.None));

        Assert.Equal(expected, failure.Status);
        Assert.Contains("the message from Prometheus", failure.Message, StringComparison.Ordinal);
        Assert.Contains(errorType, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_MembersInAnyOrderWithEscapesAndExtras_ReadsTheSamples()
    {
        // data before status, result before resultType, warnings and unknown members, escaped strings.
        prometheus.Answer = _ => FakePrometheus.Json(200, """
            {"data":{"result":[{"metric":{"pod":"caf\u00e9-1","note":"a \"quoted\" value"},"extra":{"x":[1,2]},"value":[1795000000,"\u0032.5"]}],
              "resultType":"vector","stats":{"timings":{}}},
             "warnings":["partial"],"status":"success"}
            """);
        using var client = Create();

        var sample = Assert.Single(await client.QueryAsync("up", At, CancellationToken.None));

        Assert.Equal(("café-1", "a \"quoted\" value", 2.5), (sample.Label("pod"), sample.Label("note"), sample.Value));
    }

    [Fact]
    public async Task QueryAsync_AnswerLargerThanTheFirstBuffer_ReadsEverySample()
    {
        var items = Enumerable.Range(0, 2_000).Select(i => $$"""{"metric":{"instance":"node-{{i}}","job":"node-exporter"},"value":[1795000000,"{{i}}"]}""");
        prometheus.Answer = _ => FakePrometheus.Json(200, $$$"""{"status":"success","data":{"resultType":"vector","result":[{{{string.Join(',', items)}}}]}}""");
        using var client = Create();

        var samples = await client.QueryAsync("up", At, CancellationToken.None);

        Assert.Equal(2_000, samples.Count);
        Assert.Equal(("node-1999", 1999.0), (samples[^1].Label("instance"), samples[^1].Value));
        Assert.Same(samples[0].Labels.Keys.First(), samples[1].Labels.Keys.First());
    }

    [Theory]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"instance":1},"value":[1795000000,"1"]}]}}""", "label 'instance'")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[]}}""", "expected a vector or scalar")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{}}]}}""", "without 'value'")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1795000000,1]}]}}""", "sample value")]
    [InlineData("""[]""", "the answer")]
    public async Task QueryAsync_ValidJsonNotTheApisShape_Throws502NamingWhat(string body, string named)
    {
        prometheus.Answer = _ => FakePrometheus.Json(200, body);
        using var client = Create();

        var failure = await Assert.ThrowsAsync<PrometheusQueryException>(() => client.QueryAsync("up", At, CancellationToken.None));

        Assert.Equal(502, failure.Status);
        Assert.Contains("not the HTTP API's", failure.Message, StringComparison.Ordinal);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_NotTheApi_Throws502()
    {
        prometheus.Answer = _ => Task.FromResult((404, "text/html", "<html>not found</html>"));
        using var client = Create();

        var failure = await Assert.ThrowsAsync<PrometheusQueryException>(() => client.QueryAsync("up", At, CancellationToken.None));

        Assert.Equal(502, failure.Status);
        Assert.Contains("404", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_Unreachable_Throws503NamingTheUrl()
    {
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        using var client = Create(closed);

        var failure = await Assert.ThrowsAsync<PrometheusQueryException>(() => client.QueryAsync("up", At, CancellationToken.None));

        Assert.Equal(503, failure.Status);
        Assert.Contains(closed.AbsoluteUri, failure.Message, StringComparison.Ordinal);
        Assert.Contains("unreachable", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_SlowerThanTimeout_Throws503()
    {
        prometheus.Answer = async request =>
        {
            await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return (200, "application/json", "{}");
        };
        using var client = Create(timeout: TimeSpan.FromMilliseconds(200));

        var failure = await Assert.ThrowsAsync<PrometheusQueryException>(() => client.QueryAsync("up", At, CancellationToken.None));

        Assert.Equal(503, failure.Status);
        Assert.Contains("did not answer within 0.2 s", failure.Message, StringComparison.Ordinal);
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private PrometheusClient Create(Uri? url = null, TimeSpan? timeout = null) =>
        new(
            Options.Create(new MonitoringOptions
            {
                PrometheusUrl = url ?? prometheus.BaseAddress,
                BearerToken = "prometheus-token",
                QueryTimeout = timeout ?? TimeSpan.FromSeconds(10),
            }),
            NullLogger<PrometheusClient>.Instance);
}
