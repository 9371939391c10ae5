using System.Runtime.InteropServices;

namespace Periscope.Bench.LoadGenerator;

/// <summary>The two libc calls the scheduler needs for microsecond timing (glibc's libc.so.6).</summary>
internal static partial class LinuxNative
{
    public const int ClockMonotonic = 1;
    public const int TimerAbsoluteTime = 1;
    public const int Interrupted = 4;
    public const int SetTimerSlack = 29;

    /// <summary>A <c>struct timespec</c> on 64-bit Linux: two longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>clock_nanosleep(2); returns 0 or an error number (not through errno).</summary>
    [LibraryImport("libc.so.6", EntryPoint = "clock_nanosleep")]
    public static partial int ClockNanosleep(int clock, int flags, in Timespec request, nint remaining);

    /// <summary>clock_gettime(2).</summary>
    [LibraryImport("libc.so.6", EntryPoint = "clock_gettime")]
    public static partial int ClockGettime(int clock, out Timespec time);

    /// <summary>prctl(2), for PR_SET_TIMERSLACK.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "prctl")]
    public static partial int Prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);
}
