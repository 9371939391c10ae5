namespace Periscope.Functions.Tests.Calls.Doubles;

/// <summary>A clock the test sets; timers still run in real time (the base class's).</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
