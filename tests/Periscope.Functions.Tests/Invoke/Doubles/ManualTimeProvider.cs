namespace Periscope.Functions.Tests.Invoke.Doubles;

/// <summary>
/// A clock the test moves: Polly's circuit breaker reads <see cref="GetUtcNow"/> for its sampling window and
/// break duration, so a test can open a breaker and let its break pass without waiting. Timers and
/// timestamps stay real (retry delays and timeouts are not what these tests control).
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
