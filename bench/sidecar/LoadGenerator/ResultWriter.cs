using System.Globalization;

namespace Periscope.Bench.LoadGenerator;

/// <summary>
/// Writes a run's figures as <c>key=value</c> lines for run.sh (latencies in microseconds, CPU in seconds,
/// RSS in MiB) and one human summary line.
/// </summary>
internal static class ResultWriter
{
    public static void Write(LoadOptions options, RunResult result, TextWriter figures, TextWriter summary)
    {
        void Line(string key, FormattableString value) => figures.WriteLine($"{key}={value.ToString(CultureInfo.InvariantCulture)}");

        Line("requests", $"{result.Requests}");
        Line("ok", $"{result.Latency.Count}");
        Line("errors", $"{result.Errors}");
        Line("status_errors", $"{result.StatusErrors}");
        Line("length_errors", $"{result.LengthErrors}");
        Line("timeouts", $"{result.Timeouts}");
        Line("connection_errors", $"{result.ConnectionErrors}");
        Line("warmup_errors", $"{result.WarmUpErrors}");
        Line("p50_us", $"{result.Latency.P50:0.0}");
        Line("p90_us", $"{result.Latency.P90:0.0}");
        Line("p99_us", $"{result.Latency.P99:0.0}");
        Line("p999_us", $"{result.Latency.P999:0.0}");
        Line("max_us", $"{result.Latency.Max:0.0}");
        Line("mean_us", $"{result.Latency.Mean:0.0}");
        Line("send_lag_p99_us", $"{result.SendLag.P99:0.0}");
        Line("send_lag_max_us", $"{result.SendLag.Max:0.0}");
        Line("window_s", $"{result.WindowSeconds:0.000}");
        Line("precise_clock", $"{MonotonicClock.IsPrecise}");
        foreach (var usage in result.Usage)
        {
            Line($"cpu_s.{usage.Name}", $"{usage.CpuSeconds:0.00}");
            Line($"cpu_per_1k.{usage.Name}", $"{usage.CpuSeconds * 1000 / Math.Max(1, result.Requests):0.0000}");
            Line($"rss_peak_mb.{usage.Name}", $"{usage.PeakRssKilobytes / 1024.0:0.0}");
            Line($"rss_window_only.{usage.Name}", $"{usage.PeakIsWindowOnly}");
        }

        var latency = result.Latency;
        summary.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Label}: {result.Requests} requests at {options.Rate}/s, {result.Errors} errors; " +
            $"p50 {latency.P50:0} µs, p90 {latency.P90:0} µs, p99 {latency.P99:0} µs, max {latency.Max:0} µs; " +
            $"generator send lag p99 {result.SendLag.P99:0} µs"));
        if (result.FirstError is { } first)
        {
            summary.WriteLine($"{options.Label}: first error: {first}");
        }
    }
}
