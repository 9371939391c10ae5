namespace Periscope.Bench.LoadGenerator;

/// <summary>What a watched process used over the measured part of a run.</summary>
/// <param name="Name">As given to <c>--watch</c>.</param>
/// <param name="CpuSeconds">User plus system CPU time.</param>
/// <param name="PeakRssKilobytes">VmHWM at the end: the measured part's peak when <paramref name="PeakIsWindowOnly"/>, else the process's lifetime peak.</param>
/// <param name="PeakIsWindowOnly">Whether VmHWM could be reset when the measured part began.</param>
internal sealed record ProcessUsage(string Name, double CpuSeconds, long PeakRssKilobytes, bool PeakIsWindowOnly);
