using System.Diagnostics;

namespace Periscope.Bench.LoadGenerator;

/// <summary>
/// Sleeps until an absolute <see cref="Stopwatch"/> timestamp. On Linux, where Stopwatch counts
/// CLOCK_MONOTONIC in nanoseconds, that is one clock_nanosleep(2) with TIMER_ABSTIME, so a late wake-up
/// never shifts the next due time; elsewhere, millisecond sleeps and a spin for the rest.
/// </summary>
internal static class MonotonicClock
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    public static bool IsPrecise { get; } = StopwatchIsClockMonotonic();

    /// <summary>
    /// Linux lets a normal thread's timer fire up to 50 µs late by default, to batch wake-ups (prctl(2),
    /// PR_SET_TIMERSLACK); 1 ns asks for the precise wake-up on the calling thread.
    /// </summary>
    public static void TightenTimerSlackOfCurrentThread()
    {
        if (IsPrecise)
        {
            _ = LinuxNative.Prctl(LinuxNative.SetTimerSlack, 1, 0, 0, 0);
        }
    }

    public static void SleepUntil(long timestamp)
    {
        if (IsPrecise)
        {
            var due = new LinuxNative.Timespec { Seconds = timestamp / NanosecondsPerSecond, Nanoseconds = timestamp % NanosecondsPerSecond };
            while (LinuxNative.ClockNanosleep(LinuxNative.ClockMonotonic, LinuxNative.TimerAbsoluteTime, due, 0) == LinuxNative.Interrupted)
            {
            }

            return;
        }

        while (Stopwatch.GetTimestamp() is var now && now < timestamp)
        {
            if (Stopwatch.GetElapsedTime(now, timestamp) > TimeSpan.FromMilliseconds(2))
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }

    /// <summary>Checks rather than assumes: a CLOCK_MONOTONIC reading falls between two Stopwatch readings.</summary>
    private static bool StopwatchIsClockMonotonic()
    {
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != NanosecondsPerSecond)
        {
            return false;
        }

        try
        {
            // The first call binds the import (dlopen, stub); only the second is timed.
            _ = LinuxNative.ClockGettime(LinuxNative.ClockMonotonic, out _);
            var before = Stopwatch.GetTimestamp();
            _ = LinuxNative.ClockGettime(LinuxNative.ClockMonotonic, out var now);
            var after = Stopwatch.GetTimestamp();
            var monotonic = (now.Seconds * NanosecondsPerSecond) + now.Nanoseconds;
            return before <= monotonic && monotonic <= after;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }
}
