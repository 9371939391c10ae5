using System.Diagnostics;
using System.Globalization;

namespace Periscope.Bench.Admission;

/// <summary>Per-call durations of one scenario (wall clock, and the thread's CPU time where measured) and its figures.</summary>
internal sealed class Latencies(string scenario, int capacity)
{
    private readonly List<double> _microseconds = new(capacity);
    private readonly List<double> _cpuMicroseconds = new(capacity);

    public string Scenario { get; } = scenario;

    public TimeSpan Wall { get; set; }

    public double P99Microseconds => Percentile(_microseconds, 0.99);

    /// <summary>The p99 of the calls' own CPU time, or NaN when not measured (calls across threads).</summary>
    public double CpuP99Microseconds => _cpuMicroseconds.Count == 0 ? double.NaN : Percentile(_cpuMicroseconds, 0.99);

    public static string Header() =>
        $"{"scenario",-44} {"calls",8} {"p50 µs",10} {"p99 µs",10} {"max µs",10} {"reviews/s",12} {"cpu p50 µs",11} {"cpu p99 µs",11}";

    public void Add(long startTimestamp) => _microseconds.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds);

    public void AddCpu(long startNanoseconds) => _cpuMicroseconds.Add((ThreadCpuClock.NowNanoseconds() - startNanoseconds) / 1000.0);

    public string Row()
    {
        var cpu = _cpuMicroseconds.Count == 0
            ? $"{"-",11} {"-",11}"
            : string.Create(CultureInfo.InvariantCulture, $"{Percentile(_cpuMicroseconds, 0.5),11:F1} {CpuP99Microseconds,11:F1}");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Scenario,-44} {_microseconds.Count,8} {Percentile(_microseconds, 0.5),10:F1} {P99Microseconds,10:F1} {_microseconds.Max(),10:F1} {_microseconds.Count / Wall.TotalSeconds,12:F0} ") + cpu;
    }

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
