using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Hosting;
using Periscope.Functions.Tests.Hosting.Doubles;

namespace Periscope.Functions.Tests.Hosting;

public sealed class HostEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task Healthz_Running_AnswersOk()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");

        using var response = await host.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_EveryCheckPasses_Answers200WithEachCheck()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}", builder =>
            builder.Services.AddSingleton<IReadinessCheck>(new StubReadinessCheck("store", failure: null)));

        using var response = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok","checks":{"store":"ok"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_ACheckFails_Answers503ProblemNamingIt()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}", builder =>
        {
            builder.Services.AddSingleton<IReadinessCheck>(new StubReadinessCheck("store", "the database file is locked"));
            builder.Services.AddSingleton<IReadinessCheck>(new StubReadinessCheck("cache", failure: null));
        });

        using var response = await host.Client.GetAsync("/readyz");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("https://periscope.dev/problems/not-ready", problem.GetProperty("type").GetString());
        Assert.Equal("store: the database file is locked", problem.GetProperty("detail").GetString());
        var checks = problem.GetProperty("checks");
        Assert.Equal("the database file is locked", checks.GetProperty("store").GetString());
        Assert.Equal("ok", checks.GetProperty("cache").GetString());
    }

    [Fact]
    public async Task Readyz_ACheckHangs_Answers503WhenItsTimeoutPasses()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}", builder =>
        {
            builder.Configuration["Functions:ReadinessTimeout"] = "00:00:00.100";
            builder.Services.AddSingleton<IReadinessCheck>(StubReadinessCheck.Hangs("store"));
        });

        using var response = await host.Client.GetAsync("/readyz");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("store: did not answer within 0.1 s", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Metrics_AfterFunctionCalls_ExposesRequestCountersAndDurationHistogram()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");
        await host.Client.GetStringAsync("/api/echo/one");
        await host.Client.GetStringAsync("/api/echo/two");
        (await host.Client.GetAsync("/api/fails")).Dispose();
        (await host.Client.GetAsync("/api/nowhere")).Dispose();
        (await host.Client.GetAsync("/healthz")).Dispose();

        // Each request is recorded just after its response is sent, so the scrape may briefly lag.
        string[] counted =
        [
            "periscope_function_requests_total{function=\"Echo\",status_class=\"2xx\"} 2",
            "periscope_function_requests_total{function=\"Fails\",status_class=\"5xx\"} 1",
            "periscope_function_requests_total{function=\"unmatched\",status_class=\"4xx\"} 1",
        ];
        var lines = await ScrapeUntilAsync(host, counted);

        Assert.Contains("# TYPE periscope_function_requests_total counter", lines);
        Assert.Contains("periscope_function_errors_total{function=\"Fails\"} 1", lines);
        Assert.Contains("# TYPE periscope_function_request_duration_seconds histogram", lines);
        Assert.Contains(lines, l => l.StartsWith("periscope_function_request_duration_seconds_bucket{function=\"Echo\",le=\"0.0005\"} ", StringComparison.Ordinal));
        Assert.Contains("periscope_function_request_duration_seconds_bucket{function=\"Echo\",le=\"10\"} 2", lines);
        Assert.Contains("periscope_function_request_duration_seconds_bucket{function=\"Echo\",le=\"+Inf\"} 2", lines);
        Assert.Contains("periscope_function_request_duration_seconds_count{function=\"Echo\"} 2", lines);
        Assert.Contains(lines, l => l.StartsWith("process_resident_memory_bytes ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("healthz", StringComparison.Ordinal) || l.Contains("metrics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_Scrape_AnswersTextFormatContentType()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");

        using var response = await host.Client.GetAsync("/metrics");

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Metrics_FunctionTimedOutAndRequestRefused_CountsRejectionsByReason()
    {
        await using var host = await FunctionsTestHost.StartAsync("""
            { "functionTimeout": "00:00:00.100", "extensions": { "http": { "maxConcurrentRequests": 1, "maxOutstandingRequests": 1 } } }
            """);
        (await host.Client.GetAsync("/api/slow")).Dispose();
        var gate = host.Get<FunctionGate>();

        // The gated function ignores its token, so it holds the only permit until the gate opens.
        var held = host.Client.GetAsync("/api/gated");
        await gate.WaitForEntryAsync();
        (await host.Client.GetAsync("/api/echo/refused")).Dispose();
        gate.Release();
        (await held).Dispose();

        await ScrapeUntilAsync(
            host,
            [
                "periscope_function_requests_total{function=\"Gated\",status_class=\"2xx\"} 1",
                "periscope_function_rejected_total{function=\"Slow\",reason=\"timeout\"} 1",
                "periscope_function_rejected_total{function=\"Echo\",reason=\"concurrency\"} 1",
                "periscope_function_errors_total{function=\"Slow\"} 1",
                "periscope_function_requests_total{function=\"Echo\",status_class=\"4xx\"} 1",
            ]);
    }

    private static async Task<string[]> ScrapeUntilAsync(FunctionsTestHost host, string[] expected)
    {
        var lines = Array.Empty<string>();
        await Eventually.TrueAsync(
            async () => expected.All((lines = (await host.Client.GetStringAsync("/metrics")).Split('\n')).Contains),
            "/metrics shows " + string.Join(", ", expected));
        return lines;
    }
}
