using System.Diagnostics;

namespace Periscope.Bench.LoadGenerator;

/// <summary>Exact percentiles of every recorded sample, in microseconds.</summary>
internal readonly record struct LatencySummary(int Count, double P50, double P90, double P99, double P999, double Max, double Mean)
{
    /// <summary>Sorts <paramref name="ticks"/> (Stopwatch ticks) in place.</summary>
    public static LatencySummary Of(long[] ticks)
    {
        if (ticks.Length == 0)
        {
            return default;
        }

        Array.Sort(ticks);
        return new LatencySummary(
            ticks.Length,
            Microseconds(AtPercentile(ticks, 50)),
            Microseconds(AtPercentile(ticks, 90)),
            Microseconds(AtPercentile(ticks, 99)),
            Microseconds(AtPercentile(ticks, 99.9)),
            Microseconds(ticks[^1]),
            Microseconds((long)ticks.Average()));
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="percent"/>% of all samples at or below it.</summary>
    private static long AtPercentile(long[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
