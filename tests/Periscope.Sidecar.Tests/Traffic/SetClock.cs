namespace Periscope.Sidecar.Tests.Traffic;

/// <summary>A clock that says what it was set to.</summary>
internal sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
