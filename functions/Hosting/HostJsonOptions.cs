namespace Periscope.Functions.Hosting;

/// <summary>
/// The settings of the root <c>host.json</c> that this host honours, with Azure Functions v2+ semantics
/// (https://learn.microsoft.com/azure/azure-functions/functions-host-json and the HTTP extension's
/// <c>extensions.http</c> section). Other keys (<c>logging</c>, <c>extensionBundle</c>, <c>hsts</c>,
/// <c>customHeaders</c>, <c>dynamicThrottlesEnabled</c>, …) are accepted and ignored.
/// </summary>
internal sealed record HostJsonOptions
{
    /// <summary>-1 in <c>host.json</c>: no limit.</summary>
    public const int Unbounded = -1;

    /// <summary>
    /// <c>extensions.http.routePrefix</c>: the path every function route sits under, without slashes.
    /// Default <c>api</c>; an empty string puts functions at the root.
    /// </summary>
    public string RoutePrefix { get; init; } = "api";

    /// <summary>
    /// <c>functionTimeout</c>: how long one execution may run before its cancellation token fires and the
    /// caller gets 503. Default 5 minutes, the Consumption plan's; null (<c>-1</c> in host.json) for none.
    /// </summary>
    public TimeSpan? FunctionTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>extensions.http.maxConcurrentRequests</c>: functions executing at once; more wait in a queue.
    /// Default 100, Azure's for the Consumption and Premium plans; -1 for no limit.
    /// </summary>
    public int MaxConcurrentRequests { get; init; } = 100;

    /// <summary>
    /// <c>extensions.http.maxOutstandingRequests</c>: executing plus queued; a request beyond it is
    /// answered 429 at once. Default 200, Azure's for the Consumption and Premium plans; -1 for no limit.
    /// </summary>
    public int MaxOutstandingRequests { get; init; } = 200;

    /// <summary>The file these settings came from; null when none was found and the defaults apply.</summary>
    public string? Source { get; init; }

    public IEnumerable<string> Validate()
    {
        if (FunctionTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            yield return $"functionTimeout must be a positive time span such as \"00:05:00\", or -1 for none; got {timeout:c}.";
        }

        if (MaxConcurrentRequests is 0 or < Unbounded)
        {
            yield return $"extensions.http.maxConcurrentRequests must be at least 1, or -1 for no limit; got {MaxConcurrentRequests}.";
        }

        if (MaxOutstandingRequests is 0 or < Unbounded)
        {
            yield return $"extensions.http.maxOutstandingRequests must be at least 1, or -1 for no limit; got {MaxOutstandingRequests}.";
        }

        // Outstanding counts the executing requests too, so it can never be the smaller of the two.
        if (MaxConcurrentRequests > 0 && MaxOutstandingRequests > 0 && MaxOutstandingRequests < MaxConcurrentRequests)
        {
            yield return $"extensions.http.maxOutstandingRequests ({MaxOutstandingRequests}) must not be less than maxConcurrentRequests ({MaxConcurrentRequests}): it counts executing requests as well as queued ones.";
        }

        // Azure would let requests wait without end here; Periscope never queues without bound, so excess
        // load is always answered 429 rather than piling up in memory.
        if (MaxConcurrentRequests > 0 && MaxOutstandingRequests == Unbounded)
        {
            yield return $"extensions.http.maxOutstandingRequests must be a number when maxConcurrentRequests is ({MaxConcurrentRequests}): -1 would let requests queue without bound.";
        }

        if (RoutePrefix.IndexOfAny(['{', '}', '?', '#', '*']) >= 0)
        {
            yield return $"extensions.http.routePrefix must be a literal path such as \"api\"; got \"{RoutePrefix}\".";
        }
    }
}
