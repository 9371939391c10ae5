using System.Globalization;
using System.Net;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Logging;

/// <summary>
/// The functions host and the sidecar log from their socket threads (README, "Threads"). When nobody drains their
/// standard output (a container runtime whose log pipe backs up), the console logger's queue fills; with .NET's default
/// <c>QueueFullMode</c> (Wait) the socket thread that logs then blocks, and every connection it serves stops. Both set
/// DropWrite, so a log storm loses log lines, never requests. Each test also runs the storm with Wait, to show that it
/// does stall the process (so the test would fail if the setting were lost).
/// </summary>
public sealed class StalledLogOutputTests
{
    /// <summary>
    /// Enough requests for their log lines to fill the pipe (64 KiB, a few hundred lines) and the logger's queue
    /// (2,500 messages by default) several times over.
    /// </summary>
    private const int Requests = 5_000;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FunctionsHost_StdoutNotDrained_RequestLoggingOn_AnswersEveryRequest()
    {
        await using var host = await StartFunctionsHostAsync(queueFullMode: null);

        var outcome = await FloodAsync(host.Target, HttpStatusCode.OK);

        Assert.True(outcome.Answered == Requests, $"{outcome.Answered} of {Requests} requests answered; first failure: {outcome.FirstFailure}");
    }

    [Fact]
    public async Task FunctionsHost_StdoutNotDrained_QueueFullModeWait_Stalls()
    {
        await using var host = await StartFunctionsHostAsync(queueFullMode: "Wait");

        var outcome = await FloodAsync(host.Target, HttpStatusCode.OK);

        Assert.True(outcome.Answered < Requests, "with QueueFullMode=Wait the storm should have stalled the host; it did not, so this test no longer makes a storm");
    }

    [Fact]
    public async Task Sidecar_StdoutNotDrained_AppDown_AnswersEveryRequest()
    {
        await using var sidecar = await StartSidecarWithAppDownAsync(queueFullMode: null);

        var outcome = await FloodAsync(sidecar.Target, HttpStatusCode.BadGateway);

        Assert.True(outcome.Answered == Requests, $"{outcome.Answered} of {Requests} requests answered; first failure: {outcome.FirstFailure}");
    }

    [Fact]
    public async Task Sidecar_StdoutNotDrained_QueueFullModeWait_Stalls()
    {
        await using var sidecar = await StartSidecarWithAppDownAsync(queueFullMode: "Wait");

        var outcome = await FloodAsync(sidecar.Target, HttpStatusCode.BadGateway);

        Assert.True(outcome.Answered < Requests, "with QueueFullMode=Wait the storm should have stalled the sidecar; it did not, so this test no longer makes a storm");
    }

    /// <summary>The host with ASP.NET Core's request logging on: two lines per request, written on the socket thread that read it.</summary>
    private static async Task<StalledProcess> StartFunctionsHostAsync(string? queueFullMode)
    {
        var data = new TemporaryDirectory();
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var process = ChildProcess.StartDotnetWithStalledOutput(
            "Periscope.Functions",
            Environment(queueFullMode),
            $"--urls={url}",
            $"--Store:DataDirectory={data.Path}",
            $"--Catalog:ReportToken={FunctionsServer.ReportToken}",
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information");
        var health = new Uri(url, "/healthz");
        var started = new StalledProcess(process, health, health, data);
        await started.WaitUntilAnsweringAsync();
        return started;
    }

    /// <summary>A sidecar whose app port is closed: every inbound request is answered 502 and logged as a warning.</summary>
    private static async Task<StalledProcess> StartSidecarWithAppDownAsync(string? queueFullMode)
    {
        int inboundPort = FreePort.Next(), metricsPort = FreePort.Next();
        var process = ChildProcess.StartSidecarWithStalledOutput(
            Environment(queueFullMode),
            "--app-id", "absent",
            "--app-port", Text(FreePort.Next()),
            "--catalog", $"http://127.0.0.1:{Text(FreePort.Next())}",
            "--listen-address", "127.0.0.1",
            "--dapr-http-port", Text(FreePort.Next()),
            "--inbound-port", Text(inboundPort),
            "--metrics-port", Text(metricsPort));
        var started = new StalledProcess(process, new Uri($"http://127.0.0.1:{metricsPort}/healthz"), new Uri($"http://127.0.0.1:{inboundPort}/orders"), data: null);
        await started.WaitUntilAnsweringAsync();
        return started;
    }

    private static Dictionary<string, string> Environment(string? queueFullMode) =>
        queueFullMode is null ? [] : new() { ["Logging__Console__QueueFullMode"] = queueFullMode };

    /// <summary>
    /// <see cref="Requests"/> GETs from eight connections at once, each allowed <see cref="RequestTimeout"/>; stops at
    /// the first request that fails or times out.
    /// </summary>
    private static async Task<FloodOutcome> FloodAsync(Uri url, HttpStatusCode expected)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { Timeout = RequestTimeout };
        var answered = 0;
        var next = 0;
        string? firstFailure = null;
        using var stop = new CancellationTokenSource();

        async Task SendAsync()
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref next) <= Requests)
            {
                try
                {
                    using var response = await client.GetAsync(url, stop.Token);
                    if (response.StatusCode != expected)
                    {
                        throw new InvalidOperationException($"answered {(int)response.StatusCode}, expected {(int)expected}");
                    }

                    Interlocked.Increment(ref answered);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    Interlocked.CompareExchange(ref firstFailure, $"request {Volatile.Read(ref next)}: {exception.Message}", null);
                    await stop.CancelAsync();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync()));
        return new FloodOutcome(answered, firstFailure);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private sealed record FloodOutcome(int Answered, string? FirstFailure);

    /// <summary>A process started with its output stalled; <see cref="Target"/> is where the storm's requests go.</summary>
    private sealed class StalledProcess(ChildProcess process, Uri readinessUrl, Uri target, TemporaryDirectory? data) : IAsyncDisposable
    {
        public Uri Target => target;

        public async Task WaitUntilAnsweringAsync()
        {
            using var probe = new HttpClient { Timeout = RequestTimeout };
            await Eventually.True(
                async () => (await probe.GetAsync(readinessUrl)).StatusCode == HttpStatusCode.OK,
                $"the process at {readinessUrl} to answer (exited: {process.HasExited})\n{process.Output}");
        }

        public async ValueTask DisposeAsync()
        {
            await process.DisposeAsync();
            data?.Dispose();
        }
    }
}
