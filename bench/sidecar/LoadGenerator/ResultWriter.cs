using System.Globalization;

namespace Periscope.Bench.LoadGenerator;

/// <summary>
/// Writes a run's figures as <c>key=value</c> lines for run.sh (latencies in microseconds, CPU in seconds,
/// RSS in MiB) and one human summary line per target. With several targets each target's keys start with
/// its index (<c>0.p99_us</c>, <c>1.p99_us</c>); the watched processes' keys never do.
/// </summary>
internal static class ResultWriter
{
    public static void Write(LoadOptions options, RunResult result, TextWriter figures, TextWriter summary)
    {
        void Line(string key, FormattableString value) => figures.WriteLine($"{key}={value.ToString(CultureInfo.InvariantCulture)}");

        for (var t = 0; t < result.Targets.Count; t++)
        {
            var target = result.Targets[t];
            var prefix = result.Targets.Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"{t}.");
            var errors = target.Errors;
            Line($"{prefix}requests", $"{target.Requests}");
            Line($"{prefix}ok", $"{target.Latency.Count}");
            Line($"{prefix}errors", $"{errors.Total}");
            Line($"{prefix}status_errors", $"{errors.Status}");
            Line($"{prefix}length_errors", $"{errors.Length}");
            Line($"{prefix}timeouts", $"{errors.Timeouts}");
            Line($"{prefix}connection_errors", $"{errors.Connection}");
            Line($"{prefix}warmup_errors", $"{errors.WarmUp}");
            Line($"{prefix}p50_us", $"{target.Latency.P50:0.0}");
            Line($"{prefix}p90_us", $"{target.Latency.P90:0.0}");
            Line($"{prefix}p99_us", $"{target.Latency.P99:0.0}");
            Line($"{prefix}p999_us", $"{target.Latency.P999:0.0}");
            Line($"{prefix}max_us", $"{target.Latency.Max:0.0}");
            Line($"{prefix}mean_us", $"{target.Latency.Mean:0.0}");
            Line($"{prefix}send_lag_p99_us", $"{target.SendLag.P99:0.0}");
            Line($"{prefix}send_lag_max_us", $"{target.SendLag.Max:0.0}");
            WriteSummary(options, target, summary);
        }

        Line("window_s", $"{result.WindowSeconds:0.000}");
        Line("precise_clock", $"{MonotonicClock.IsPrecise}");
        foreach (var usage in result.Usage)
        {
            Line($"cpu_s.{usage.Name}", $"{usage.CpuSeconds:0.00}");
            Line($"cpu_per_1k.{usage.Name}", $"{usage.CpuSeconds * 1000 / Math.Max(1, result.Requests):0.0000}");
            Line($"rss_peak_mb.{usage.Name}", $"{usage.PeakRssKilobytes / 1024.0:0.0}");
            Line($"rss_window_only.{usage.Name}", $"{usage.PeakIsWindowOnly}");
        }
    }

    private static void WriteSummary(LoadOptions options, TargetResult target, TextWriter summary)
    {
        var latency = target.Latency;
        var rate = options.Rate / (double)options.Targets.Count;
        summary.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{target.Target.Label}: {target.Requests} requests at {rate:0.#}/s, {target.Errors.Total} errors; " +
            $"p50 {latency.P50:0} µs, p90 {latency.P90:0} µs, p99 {latency.P99:0} µs, max {latency.Max:0} µs; " +
            $"generator send lag p99 {target.SendLag.P99:0} µs"));
        if (target.Errors.First is { } first)
        {
            summary.WriteLine($"{target.Target.Label}: first error: {first}");
        }
    }
}
