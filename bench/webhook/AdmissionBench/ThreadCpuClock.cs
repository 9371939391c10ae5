using System.Runtime.InteropServices;

namespace Periscope.Bench.Admission;

/// <summary>
/// The calling thread's CPU time (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID), clock_gettime(2)): what a call costs
/// without the time the scheduler gave other processes, so a loaded machine still yields a meaningful p99.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>Nanoseconds of CPU this thread has used, or 0 where the clock is unavailable.</summary>
    public static long NowNanoseconds() => Available && TryNow(out var ns) ? ns : 0;

    private static bool TryNow(out long nanoseconds)
    {
        try
        {
            var ok = ClockGetTime(ClockThreadCpuTimeId, out var time) == 0;
            nanoseconds = ok ? (time.Seconds * 1_000_000_000) + time.Nanoseconds : 0;
            return ok;
        }
        catch (DllNotFoundException)
        {
            nanoseconds = 0;
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
