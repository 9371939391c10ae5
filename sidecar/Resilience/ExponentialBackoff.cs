namespace Periscope.Sidecar.Resilience;

/// <summary>
/// Delays between retries that double from <c>initial</c> up to <c>max</c>, with "equal jitter":
/// half of each delay is fixed and half random, so a fleet of sidecars that lost the catalog at the
/// same moment does not come back in lockstep, while no single sidecar retries too eagerly
/// (Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015).
/// </summary>
internal sealed class ExponentialBackoff(TimeSpan initial, TimeSpan max, Random? random = null)
{
    private readonly Random random = random ?? Random.Shared;
    private int failures;

    /// <summary>Failures in a row since the last <see cref="Reset"/>.</summary>
    public int Failures => failures;

    public TimeSpan Next()
    {
        // Past 2^20 times the initial delay the cap has long applied; stopping there avoids overflow.
        var ceiling = TimeSpan.FromTicks((long)Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, Math.Min(failures, 20))));
        failures++;
        return ceiling / 2 + ceiling / 2 * random.NextDouble();
    }

    public void Reset() => failures = 0;
}
