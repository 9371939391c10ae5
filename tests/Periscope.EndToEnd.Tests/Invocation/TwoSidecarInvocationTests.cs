using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Invocation;

/// <summary>Dapr service invocation across two real sidecars, with plain HTTP and with Dapr's own JavaScript SDK.</summary>
public sealed class TwoSidecarInvocationTests(TwoSidecarFixture pods) : IClassFixture<TwoSidecarFixture>
{
    private static readonly object NewOrder = new
    {
        customerEmail = "han.meimei@example.com",
        items = new[] { new { sku = "RICE-5KG", quantity = 1, unitPrice = 59.9m } },
    };

    private HttpClient Dapr() => new() { BaseAddress = pods.WebSidecar.DaprUrl, Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Invoke_PostThenGetThroughTwoSidecars_ReachesTheApp()
    {
        using var dapr = Dapr();

        using var created = await dapr.PostAsJsonAsync("/v1.0/invoke/orders/method/orders", NewOrder);
        var order = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        using var fetched = await dapr.GetAsync($"/v1.0/invoke/orders/method/orders/{order["id"]}");

        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {order}\n{pods.Logs}");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("han.meimei@example.com", (string?)JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!["customerEmail"]);
    }

    [Fact]
    public async Task Invoke_AppIdWithNamespaceAndQuery_ForwardsBoth()
    {
        using var dapr = Dapr();

        using var response = await dapr.GetAsync("/v1.0/invoke/orders.default/method/orders?status=Pending");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<JsonArray>(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Invoke_DaprAppIdHeader_ReachesTheApp()
    {
        using var dapr = Dapr();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(NewOrder) };
        request.Headers.Add("dapr-app-id", "orders");

        using var response = await dapr.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_AppAnswersNotFound_PassesTheStatusThrough()
    {
        using var dapr = Dapr();

        using var response = await dapr.GetAsync($"/v1.0/invoke/orders/method/orders/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_UnknownAppId_Answers404WithDaprError()
    {
        using var dapr = Dapr();

        using var response = await dapr.GetAsync("/v1.0/invoke/no-such-app/method/anything");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)body["errorCode"]), body.ToJsonString());
        Assert.Contains("no-such-app", (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_DaprPort_Answers204()
    {
        using var dapr = Dapr();

        using var health = await dapr.GetAsync("/v1.0/healthz");
        using var outbound = await dapr.GetAsync("/v1.0/healthz/outbound");

        Assert.Equal(HttpStatusCode.NoContent, health.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, outbound.StatusCode);
    }

    [Fact]
    public async Task Metadata_DaprPort_NamesTheApp()
    {
        using var dapr = Dapr();

        var metadata = await dapr.GetJsonAsync("/v1.0/metadata");

        Assert.Equal("web", (string?)metadata["id"]);
    }

    /// <summary>The check the issue names: Dapr's own JavaScript SDK, unchanged, GET and POST with a JSON body.</summary>
    [Fact]
    public async Task DaprJavaScriptSdk_PostAndGetAcrossTwoSidecars_Work()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "dapr-js");
        Assert.True(
            Directory.Exists(Path.Combine(folder, "node_modules", "@dapr", "dapr")),
            $"The Dapr JavaScript SDK is not installed: run `npm ci --prefix {folder}` (.ci/run does).");
        var start = new ProcessStartInfo("node", ["invoke.mjs", "orders"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DAPR_HTTP_PORT"] = pods.WebSidecar.DaprUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("DAPR_API_TOKEN");
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}: {await error}\n{pods.Logs}");
        // The SDK logs to stdout too; the script's answer is its last line.
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = JsonNode.Parse(lines.Last(line => line.StartsWith('{')))!;
        Assert.Equal("li.lei@example.com", (string?)result["created"]!["customerEmail"]);
        Assert.Equal((string?)result["created"]!["id"], (string?)result["fetched"]!["id"]);
        Assert.Equal("经 Dapr SDK 调用 (through the Dapr SDK)", (string?)result["fetched"]!["note"]);
        Assert.Contains(result["listed"]!.AsArray(), order => (string?)order!["id"] == (string?)result["created"]!["id"]);
    }

    [Fact]
    public async Task Metrics_AfterInvocations_LabelByTemplateNeverRawPath()
    {
        using var dapr = Dapr();
        var id = Guid.NewGuid();
        using (await dapr.GetAsync($"/v1.0/invoke/orders/method/orders/{id}"))
        {
        }

        using var scraper = new HttpClient();
        string metrics = "";
        await Eventually.True(
            async () => (metrics = await scraper.GetStringAsync(new Uri(pods.OrdersSidecar.MetricsUrl, "/metrics")))
                .Contains("operation=\"/orders/{id}\"", StringComparison.Ordinal),
            "the orders sidecar's metrics to count GET /orders/{id}");

        Assert.Contains("periscope_sidecar_requests_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("periscope_sidecar_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("app_id=\"orders\"", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), metrics, StringComparison.OrdinalIgnoreCase);
    }
}
