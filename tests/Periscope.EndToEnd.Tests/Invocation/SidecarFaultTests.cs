using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Invocation;

/// <summary>The issue's fault list against the real sidecar process: it answers clearly, never crashes, and its memory stays bounded.</summary>
public sealed class SidecarFaultTests : IAsyncLifetime
{
    private const int MaxInferred = 20;

    // Long enough that no other test here meets it on a loaded machine: the 256 MB upload's destination
    // (FaultyApp) lives in this test process, whose stalls under CI's parallel load once passed 500 ms.
    private const string AppTimeout = "3s";

    private readonly TemporaryDirectory data = new();
    private FunctionsServer functions = null!;
    private FaultyApp app = null!;
    private SidecarProcess sidecar = null!;
    private HttpClient inbound = null!;

    public async Task InitializeAsync()
    {
        functions = await FunctionsServer.StartAsync(data.Path);
        app = await FaultyApp.StartAsync();
        sidecar = SidecarProcess.Start(
            "faulty", app.Port, functions, "--app-timeout", AppTimeout, "--max-inferred-operations", MaxInferred.ToString(CultureInfo.InvariantCulture));
        inbound = new HttpClient { BaseAddress = sidecar.InboundUrl, Timeout = TimeSpan.FromMinutes(2) };
        using var probe = new HttpClient();
        await Eventually.True(
            async () => (await probe.GetAsync(new Uri(sidecar.MetricsUrl, "/readyz"))).IsSuccessStatusCode,
            "the sidecar to be ready");
    }

    public async Task DisposeAsync()
    {
        inbound.Dispose();
        await sidecar.DisposeAsync();
        await app.DisposeAsync();
        await functions.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Inbound_AppTooSlow_Answers504WithDaprError()
    {
        using var response = await inbound.GetAsync("/slow");

        await AssertDaprErrorAsync(response, HttpStatusCode.GatewayTimeout);
    }

    [Fact]
    public async Task Inbound_AppResetsTheConnection_Answers502AndKeepsServing()
    {
        using var response = await inbound.GetAsync("/reset");

        await AssertDaprErrorAsync(response, HttpStatusCode.BadGateway);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Inbound_AppDown_Answers502AndIsNotReady()
    {
        await using var orphan = SidecarProcess.Start("orphan", FreePort.Next(), functions);
        using var client = new HttpClient();
        await Eventually.True(
            async () => (await client.GetAsync(new Uri(orphan.MetricsUrl, "/healthz"))).IsSuccessStatusCode, "the orphan sidecar to listen");

        using var response = await client.GetAsync(new Uri(orphan.InboundUrl, "/anything"));
        using var ready = await client.GetAsync(new Uri(orphan.MetricsUrl, "/readyz"));

        await AssertDaprErrorAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task Inbound_MalformedRequestLine_Answers400AndKeepsServing()
    {
        var answer = await SendRawAsync("GET /a b/ HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Inbound_OversizeHeaders_Answers431()
    {
        var header = new string('x', 40 * 1024);
        var answer = await SendRawAsync($"GET /sink HTTP/1.1\r\nHost: x\r\nX-Big: {header}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 431", answer, StringComparison.Ordinal);
    }

    /// <summary>A slow-loris client (headers that never end) is cut off by Kestrel's RequestHeadersTimeout (10 s).</summary>
    [Fact]
    public async Task Inbound_SlowLorisHeaders_ConnectionClosed()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, sidecar.InboundUrl.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /sink HTTP/1.1\r\nHost: x\r\n"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var buffer = new byte[4096];
        int read;
        var answer = new StringBuilder();
        while ((read = await stream.ReadAsync(buffer, deadline.Token)) > 0)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.StartsWith("HTTP/1.1 408", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbound_HugeBodiesBothWays_StreamedWithFlatMemory()
    {
        const long size = 256L * 1024 * 1024;
        var before = Memory(sidecar.ProcessId);

        using var upload = new HttpRequestMessage(HttpMethod.Post, "/sink") { Content = new GeneratedContent(size) };
        using var uploaded = await inbound.SendAsync(upload);
        using var download = await inbound.GetAsync($"/source?bytes={size}", HttpCompletionOption.ResponseHeadersRead);
        var downloaded = await CountAsync(await download.Content.ReadAsStreamAsync());
        var after = Memory(sidecar.ProcessId);

        var uploadAnswer = await uploaded.Content.ReadAsStringAsync();
        Assert.True(uploadAnswer == size.ToString(CultureInfo.InvariantCulture), $"upload answered {(int)uploaded.StatusCode} {uploadAnswer}; sidecar log:\n{sidecar.Output}");
        Assert.True(downloaded == size, $"downloaded {downloaded} bytes of {size}; sidecar log:\n{sidecar.Output}");
        Assert.True(after.PeakKb - before.RssKb < 64 * 1024, $"RSS {before.RssKb} kB before, peak {after.PeakKb} kB after moving 512 MB");
    }

    [Fact]
    public async Task Inbound_ManyRandomPaths_InferredOperationsStayBounded()
    {
        var random = new Random(7);
        var calls = Enumerable.Range(0, 2_000).Select(async i =>
        {
            var path = $"/{Word(random, i)}/{Word(random, i + 1)}/{i}";
            using var response = await inbound.GetAsync(path);
        });
        foreach (var batch in calls.Chunk(50))
        {
            await Task.WhenAll(batch);
        }

        using var scraper = new HttpClient();
        var metrics = await scraper.GetStringAsync(new Uri(sidecar.MetricsUrl, "/metrics"));
        var operations = metrics.Split('\n')
            .Where(line => line.StartsWith("periscope_sidecar_requests_total{", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf("operation=\"", StringComparison.Ordinal) + 11)..])
            .Select(rest => rest[..rest.IndexOf('"', StringComparison.Ordinal)])
            .Distinct()
            .ToList();
        Assert.InRange(operations.Count, 1, MaxInferred + 2);
        Assert.Contains("unattributed", operations);
        // .NET's runtime meter works in the Native AOT binary too.
        Assert.Matches(@"\ndotnet_gc_heap_total_allocated_bytes_total [1-9]", metrics);
        await AssertStillServingAsync();
    }

    private static string Word(Random random, int seed) =>
        string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('a' + random.Next(26)))) + (seed % 3 == 0 ? "" : "x");

    private async Task AssertStillServingAsync()
    {
        using var response = await inbound.PostAsync("/sink", new StringContent("still here"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(sidecar.HasExited, sidecar.Output);
    }

    private static async Task AssertDaprErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!;
        Assert.False(string.IsNullOrEmpty((string?)body["errorCode"]), text);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]), text);
    }

    private async Task<string> SendRawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, sidecar.InboundUrl.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[8192];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(buffer, deadline.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static async Task<long> CountAsync(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static (long RssKb, long PeakKb) Memory(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        long Field(string name) => long.Parse(
            status.Single(line => line.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (Field("VmRSS:"), Field("VmHWM:"));
    }
}
