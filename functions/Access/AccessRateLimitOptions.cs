namespace Periscope.Functions.Access;

/// <summary>
/// <c>Access:RateLimit</c>: a token bucket per caller — per API key, per remote address for requests
/// without a valid key; sidecars (the report token) are not limited, since every pod heartbeats.
/// </summary>
internal sealed record AccessRateLimitOptions
{
    /// <summary><c>Access:RateLimit:PermitsPerSecond</c>: the sustained rate. Default 100; 0 turns the limit off.</summary>
    public int PermitsPerSecond { get; init; } = 100;

    /// <summary><c>Access:RateLimit:Burst</c>: requests a caller may make at once after being idle. Default 200.</summary>
    public int Burst { get; init; } = 200;

    public bool Enabled => PermitsPerSecond > 0;

    public IEnumerable<string> Validate()
    {
        if (PermitsPerSecond < 0)
        {
            yield return $"{AccessOptions.Section}:RateLimit:PermitsPerSecond must be 0 (off) or more; got {PermitsPerSecond}.";
        }

        if (Enabled && Burst < 1)
        {
            yield return $"{AccessOptions.Section}:RateLimit:Burst must be at least 1 while the rate limit is on; got {Burst}.";
        }
    }
}
