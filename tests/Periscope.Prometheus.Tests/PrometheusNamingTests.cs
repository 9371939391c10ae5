namespace Periscope.Prometheus.Tests;

public sealed class PrometheusNamingTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", false, "http_server_request_duration_seconds")]
    [InlineData("request_duration_seconds", "s", false, "request_duration_seconds")]
    [InlineData("latency", "ms", false, "latency_milliseconds")]
    [InlineData("memory.usage", "By", false, "memory_usage_bytes")]
    [InlineData("network.io", "By/s", false, "network_io_bytes_per_second")]
    [InlineData("periscope.function.requests", "{request}", true, "periscope_function_requests_total")]
    [InlineData("periscope_function_requests_total", null, true, "periscope_function_requests_total")]
    [InlineData("cpu.time", "s", true, "cpu_time_seconds_total")]
    [InlineData("cpu_seconds_total", "s", true, "cpu_seconds_total")]
    [InlineData("utilisation", "1", false, "utilisation")]
    [InlineData("queue.length", "", false, "queue_length")]
    [InlineData("widgets", "crate", false, "widgets_crate")]
    [InlineData("9lives", null, false, "_9lives")]
    [InlineData("a-b/c:d", null, false, "a_b_c:d")]
    public void MetricName_InstrumentNameAndUnit_FollowsPrometheusConventions(string name, string? unit, bool counter, string expected) =>
        Assert.Equal(expected, PrometheusNaming.MetricName(name, unit, counter));

    [Theory]
    [InlineData("http.request.method", "http_request_method")]
    [InlineData("status_class", "status_class")]
    [InlineData("k8s:pod", "k8s_pod")]
    [InlineData("1st", "_1st")]
    [InlineData("", "_")]
    public void SanitizeLabelName_AnyTagKey_MatchesLabelNameGrammar(string key, string expected) =>
        Assert.Equal(expected, PrometheusNaming.SanitizeLabelName(key));
}
