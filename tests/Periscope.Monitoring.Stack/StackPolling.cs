namespace Periscope.Monitoring.Stack;

/// <summary>
/// The interval between two polls of a condition that has a deadline (readiness, targets up). This is the
/// poll cadence, not a wait for readiness: every caller re-checks its condition after it.
/// </summary>
internal static class StackPolling
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static Task PauseAsync(CancellationToken cancellationToken) => Task.Delay(Interval, cancellationToken);
}
