using System.Diagnostics;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests;

/// <summary>
/// The built sidecar as a real process, with its output captured line by line: the Native AOT binary
/// named by <c>PERISCOPE_SIDECAR_EXECUTABLE</c> (test.sh publishes it), else <c>dotnet Periscope.Sidecar.dll</c>
/// copied next to the tests. Disposing kills it if it still runs.
/// </summary>
internal sealed class SidecarProcess : IAsyncDisposable
{
    /// <summary>Everything a test might have inherited that the sidecar reads: each test sets its own.</summary>
    private static readonly string[] SidecarVariables =
    [
        "APP_ID", "APP_PORT", "APP_CHANNEL_ADDRESS", "PERISCOPE_CATALOG_URL", "PERISCOPE_CATALOG_ROUTE_PREFIX",
        "PERISCOPE_CATALOG_TOKEN", "PERISCOPE_OPENAPI_PATH", "NAMESPACE", "POD_NAMESPACE", "POD_NAME",
        "PERISCOPE_APP_CONTAINER", "POD_IP", "PERISCOPE_ENDPOINT_PORT", "PERISCOPE_REFRESH_INTERVAL",
        "PERISCOPE_HEARTBEAT_INTERVAL", "PERISCOPE_MAX_DOCUMENT_SIZE", "PERISCOPE_REQUEST_TIMEOUT",
        "PERISCOPE_RETRY_INITIAL_DELAY", "PERISCOPE_RETRY_MAX_DELAY", "PERISCOPE_DAPR_HTTP_PORT", "PERISCOPE_INBOUND_PORT",
        "PERISCOPE_METRICS_PORT", "PERISCOPE_DAPR_LISTEN_ADDRESS", "PERISCOPE_LISTEN_ADDRESS", "PERISCOPE_APP_TIMEOUT",
        "PERISCOPE_INVOKE_TIMEOUT", "PERISCOPE_RESOLUTION_TTL", "PERISCOPE_LOAD_BALANCING", "PERISCOPE_MAX_INFERRED_OPERATIONS",
    ];

    private readonly Process process;

    private SidecarProcess(Process process) => this.process = process;

    public Recording<string> Output { get; } = new();

    public Recording<string> Error { get; } = new();

    public static SidecarProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var executable = SidecarExecutable.Path;
        var start = new ProcessStartInfo(executable ?? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (executable is null)
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Periscope.Sidecar.dll"));
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in SidecarVariables)
        {
            start.Environment.Remove(name);
        }

        // Free loopback ports for the three listeners, so tests never meet on 3500/3501/9090; a test's
        // own environment or arguments win.
        start.Environment["PERISCOPE_LISTEN_ADDRESS"] = "127.0.0.1";
        start.Environment["PERISCOPE_DAPR_HTTP_PORT"] = FreePort.Text();
        start.Environment["PERISCOPE_INBOUND_PORT"] = FreePort.Text();
        start.Environment["PERISCOPE_METRICS_PORT"] = FreePort.Text();
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var sidecar = new SidecarProcess(process);
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) sidecar.Output.Add(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) sidecar.Error.Add(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sidecar;
    }

    /// <summary>Waits for a log line of the given event id, e.g. <c>DocumentWatcher[1001]</c>.</summary>
    public Task<string> WaitForLogAsync(int eventId) =>
        Output.WaitForAsync(line => line.Contains($"[{eventId}]", StringComparison.Ordinal), $"log event {eventId}");

    /// <summary>The exit code, once the process and its output streams have ended.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as the kubelet does to stop a container.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
