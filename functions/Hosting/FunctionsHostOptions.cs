namespace Periscope.Functions.Hosting;

/// <summary>Settings of the host itself, from the configuration section <c>Functions</c>.</summary>
internal sealed record FunctionsHostOptions
{
    public const string Section = "Functions";

    /// <summary>
    /// <c>Functions:HostJson</c> (env <c>Functions__HostJson</c>): the host.json to read, relative to the
    /// current directory; it must exist. Default: none, which means <c>host.json</c> next to the app, else
    /// in the current directory, else the defaults of <see cref="HostJsonOptions"/>.
    /// </summary>
    public string? HostJson { get; init; }

    /// <summary><c>Functions:ReadinessTimeout</c>: how long <c>/readyz</c> waits for each check. Default 2 seconds.</summary>
    public TimeSpan ReadinessTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <c>Functions:RetryAfter</c>: the <c>Retry-After</c> sent with a 429 when the host is at
    /// <c>maxOutstandingRequests</c>. Default 1 second: work here is milliseconds long, so capacity comes
    /// back quickly.
    /// </summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Validate()
    {
        if (ReadinessTimeout <= TimeSpan.Zero)
        {
            yield return $"Functions:ReadinessTimeout must be positive; got {ReadinessTimeout:c}.";
        }

        if (RetryAfter < TimeSpan.Zero)
        {
            yield return $"Functions:RetryAfter must not be negative; got {RetryAfter:c}.";
        }
    }
}
