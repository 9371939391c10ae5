using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Periscope.Bench.LoadGenerator;

/// <summary>
/// Open-loop load at a fixed rate, as wrk2 does it (github.com/giltene/wrk2, README, "constant throughput,
/// correct latency recording"): request i is due at start + i / rate whatever happened to the requests
/// before it, and its latency runs from when it was due, not from when it was sent, so a stall is charged
/// for every request that queued behind it (coordinated omission).
/// </summary>
/// <remarks>
/// 1. One thread keeps the schedule: it sleeps to each due time (<see cref="MonotonicClock"/>) and starts
///    the request itself, never waiting for an answer: writing a 1 KB request takes microseconds, and a
///    hand-off to the thread pool would put a second thread wake-up on every request's path. Answers are
///    read on the thread pool. Connections open as concurrency needs them (one SocketsHttpHandler pool, HTTP/1.1).
/// 2. Warm-up requests go first, on the same schedule, and are not recorded.
/// 3. At the first measured due time the watched processes' CPU times are read and their peak RSS reset.
/// 4. When the last answer is in (every request has a timeout), CPU times and peaks are read again.
/// </remarks>
internal sealed class FixedRateRun : IDisposable
{
    private readonly LoadOptions options;
    private readonly HttpClient client;
    private readonly byte[] body;
    private readonly long[] latencies;
    private readonly long[] sendLags;
    private readonly IReadOnlyList<WatchedProcess> watched;
    private readonly double[] cpuAtStart;
    private readonly bool[] peakReset;
    private readonly ErrorCounter[] errors;
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int pending = 1;
    private long measuredStart;

    public FixedRateRun(LoadOptions options)
    {
        this.options = options;
        body = new byte[options.SendsBody ? options.BodySize : 0];
        Array.Fill(body, (byte)'x');
        latencies = new long[options.MeasuredRequests];
        Array.Fill(latencies, -1);
        sendLags = new long[options.MeasuredRequests];
        errors = [.. options.Targets.Select(_ => new ErrorCounter())];
        watched = [.. options.Watched, new WatchedProcess("generator", "self")];
        cpuAtStart = new double[watched.Count];
        peakReset = new bool[watched.Count];
        client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ActivityHeadersPropagator = null,
        })
        {
            Timeout = options.Timeout,
        };
    }

    public async Task<RunResult> RunAsync()
    {
        var scheduler = new Thread(Schedule) { IsBackground = true, Name = "schedule" };
        scheduler.Start();
        await done.Task;

        // 4.
        var end = Stopwatch.GetTimestamp();
        var usage = watched.Select((process, i) => new ProcessUsage(
            process.Name, process.ReadCpuSeconds() - cpuAtStart[i], process.ReadPeakRssKilobytes(), peakReset[i])).ToList();
        var targets = options.Targets.Select((target, t) =>
        {
            var slots = Enumerable.Range(0, options.MeasuredRequests).Where(slot => TargetOf(slot) == t).ToArray();
            return new TargetResult(
                target,
                slots.Length,
                LatencySummary.Of([.. slots.Select(slot => latencies[slot]).Where(latency => latency >= 0)]),
                LatencySummary.Of([.. slots.Select(slot => sendLags[slot])]),
                errors[t].ToCounts());
        }).ToList();
        return new RunResult(targets, Stopwatch.GetElapsedTime(measuredStart, end).TotalSeconds, usage);
    }

    public void Dispose() => client.Dispose();

    private void Schedule()
    {
        MonotonicClock.TightenTimerSlackOfCurrentThread();
        var warmUp = options.WarmUpRequests;
        var total = warmUp + options.MeasuredRequests;
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100);
        for (var i = 0; i < total; i++)
        {
            // 1.
            var due = start + (i * Stopwatch.Frequency / options.Rate);
            MonotonicClock.SleepUntil(due);
            if (i == warmUp)
            {
                BeginMeasuring(due);
            }

            Interlocked.Increment(ref pending);
            _ = SendAsync(i - warmUp, due);
        }

        if (total == warmUp)
        {
            BeginMeasuring(Stopwatch.GetTimestamp());
        }

        Complete();
    }

    // 3.
    private void BeginMeasuring(long due)
    {
        measuredStart = due;
        for (var i = 0; i < watched.Count; i++)
        {
            cpuAtStart[i] = watched[i].ReadCpuSeconds();
            peakReset[i] = watched[i].TryResetPeakRss();
        }
    }

    /// <summary>Request i of the whole run (warm-up included) goes to target i mod n, so the targets take turns.</summary>
    private int TargetOf(int slot) => (slot + options.WarmUpRequests) % options.Targets.Count;

    /// <summary>Sends one request; <paramref name="slot"/> is negative for a warm-up request.</summary>
    private async Task SendAsync(int slot, long due)
    {
        if (slot >= 0)
        {
            sendLags[slot] = Stopwatch.GetTimestamp() - due;
        }

        var index = TargetOf(slot);
        var target = options.Targets[index];
        var counter = errors[index];
        try
        {
            using var request = new HttpRequestMessage(options.Method, target.Url)
            {
                Version = HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            foreach (var (name, value) in target.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (options.SendsBody)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var length = await DrainAsync(response);
            var answered = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
            {
                counter.Fail(slot, ErrorKind.Status, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            else if (options.SendsBody && length != body.Length)
            {
                counter.Fail(slot, ErrorKind.Length, $"a {length}-byte answer to a {body.Length}-byte body");
            }
            else if (slot >= 0)
            {
                latencies[slot] = answered - due;
            }
        }
        catch (TaskCanceledException)
        {
            counter.Fail(slot, ErrorKind.Timeout, $"no answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            counter.Fail(slot, ErrorKind.Connection, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
        finally
        {
            Complete();
        }
    }

    private static async Task<long> DrainAsync(HttpResponseMessage response)
    {
        var stream = await response.Content.ReadAsStreamAsync();
        await using (stream)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    total += read;
                }

                return total;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private enum ErrorKind
    {
        Status,
        Length,
        Timeout,
        Connection,
        WarmUp,
    }

    /// <summary>One target's failed requests, counted from any thread.</summary>
    private sealed class ErrorCounter
    {
        private readonly int[] counts = new int[Enum.GetValues<ErrorKind>().Length];
        private string? first;

        /// <summary>Counts a failure; one of a warm-up request (negative <paramref name="slot"/>) as <see cref="ErrorKind.WarmUp"/>.</summary>
        public void Fail(int slot, ErrorKind kind, string description)
        {
            Interlocked.Increment(ref counts[(int)(slot >= 0 ? kind : ErrorKind.WarmUp)]);
            Interlocked.CompareExchange(ref first, description, null);
        }

        public ErrorCounts ToCounts() => new(
            counts[(int)ErrorKind.Status],
            counts[(int)ErrorKind.Length],
            counts[(int)ErrorKind.Timeout],
            counts[(int)ErrorKind.Connection],
            counts[(int)ErrorKind.WarmUp],
            first);
    }

    private void Complete()
    {
        if (Interlocked.Decrement(ref pending) == 0)
        {
            done.TrySetResult();
        }
    }
}
