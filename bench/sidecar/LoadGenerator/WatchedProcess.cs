using System.Globalization;

namespace Periscope.Bench.LoadGenerator;

/// <summary>
/// A process whose CPU time and peak resident set are read from procfs (proc(5)): <c>/proc/PID/stat</c>
/// fields 14 and 15 (utime, stime, in clock ticks) and <c>/proc/PID/status</c> <c>VmHWM</c>.
/// </summary>
/// <param name="Name">The key in the output (<c>cpu_s.NAME=…</c>).</param>
/// <param name="Pid">The process id; <c>self</c> for the load generator itself.</param>
internal sealed record WatchedProcess(string Name, string Pid)
{
    /// <summary>
    /// USER_HZ, what procfs counts CPU time in: 100 on every Linux architecture's ABI (sysconf(_SC_CLK_TCK),
    /// time(7)); run.sh passes getconf CLK_TCK as LOADGEN_CLK_TCK to be sure.
    /// </summary>
    private static readonly double ClockTicksPerSecond =
        double.TryParse(Environment.GetEnvironmentVariable("LOADGEN_CLK_TCK"), CultureInfo.InvariantCulture, out var ticks) && ticks > 0
            ? ticks
            : 100;

    public static WatchedProcess Parse(string nameEqualsPid)
    {
        var parts = nameEqualsPid.Split('=', 2);
        return parts.Length == 2 && parts[0].Length > 0 && (parts[1] == "self" || int.TryParse(parts[1], out _))
            ? new WatchedProcess(parts[0], parts[1])
            : throw new ArgumentException($"--watch takes NAME=PID, not '{nameEqualsPid}'.");
    }

    /// <summary>utime + stime, in seconds.</summary>
    public double ReadCpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Field 2, the command name, is in parentheses and may hold spaces; count from after its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / ClockTicksPerSecond;
    }

    /// <summary>VmHWM, the peak resident set since start or since <see cref="TryResetPeakRss"/>, in KiB.</summary>
    public long ReadPeakRssKilobytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{Pid}/status has no VmHWM.");
    }

    /// <summary>
    /// Writing 5 to <c>/proc/PID/clear_refs</c> resets VmHWM to the current RSS (proc(5), Linux 4.0), so the
    /// peak read afterwards is this run's, not start-up's. False where that is not allowed.
    /// </summary>
    public bool TryResetPeakRss()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
