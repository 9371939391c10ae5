using System.Collections.Concurrent;
using System.Diagnostics;

namespace Periscope.Monitoring.Stack;

/// <summary>
/// A child process on a loopback port: its output kept (the last lines) for failure messages, readiness
/// polled over HTTP with a deadline, and the whole process tree killed on dispose or when the test host exits.
/// </summary>
internal sealed class StackProcess : IAsyncDisposable
{
    private const int KeptLines = 300;
    private const int PortAttempts = 3;
    private static readonly ConcurrentDictionary<StackProcess, bool> Running = new();

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly string _name;

    static StackProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Keys)
        {
            process.Kill();
        }
    };

    private StackProcess(string name, Process process, Uri baseAddress)
    {
        _name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="binary"/> with the arguments made for a free port and waits until
    /// <paramref name="readyPath"/> answers 200. A port taken between picking and binding is retried.
    /// </summary>
    public static async Task<StackProcess> StartAsync(
        string name,
        string binary,
        Func<int, IEnumerable<string>> arguments,
        string readyPath,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var process = Launch(name, binary, arguments(port), new Uri($"http://127.0.0.1:{port}/"));
            try
            {
                await process.WaitUntilReadyAsync(readyPath, timeout, cancellationToken);
                return process;
            }
            catch (StackStartException) when (attempt < PortAttempts && process.LostPortRace())
            {
                await process.DisposeAsync();
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // A process that outlives SIGKILL for 10 s is the kernel's business; the test goes on.
        }

        Running.TryRemove(this, out _);
        _process.Dispose();
    }

    private static StackProcess Launch(string name, string binary, IEnumerable<string> arguments, Uri baseAddress)
    {
        var startInfo = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var stack = new StackProcess(name, process, baseAddress);
        process.OutputDataReceived += (_, e) => stack.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => stack.Keep(e.Data);
        process.Start();
        Running.TryAdd(stack, true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return stack;
    }

    private async Task WaitUntilReadyAsync(string readyPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = new Uri(BaseAddress, readyPath);
        var deadline = Stopwatch.StartNew();
        string? lastError = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                // Without a timeout this also waits for the redirected output to reach its end, so the
                // message (and the port-race check) sees the process's last words.
                await _process.WaitForExitAsync(cancellationToken);
                throw new StackStartException(
                    $"{_name} exited with code {_process.ExitCode} before {url} was ready.\n{Output}");
            }

            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                using var response = await StackHttp.Client.GetAsync(url, attempt.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastError = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                lastError = e.Message;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new StackStartException(
                    $"{_name} was not ready at {url} within {timeout.TotalSeconds:0.#} s (last: {lastError}).\n{Output}");
            }

            await StackPolling.PauseAsync(cancellationToken);
        }
    }

    private bool LostPortRace() => _process.HasExited && Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Count == KeptLines)
            {
                _output.Dequeue();
            }

            _output.Enqueue(line);
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }
}
