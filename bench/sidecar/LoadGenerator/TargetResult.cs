namespace Periscope.Bench.LoadGenerator;

/// <summary>The measured part of a fixed-rate run for one target.</summary>
/// <param name="Target">Where these requests went.</param>
/// <param name="Requests">Scheduled to this target in the measured part.</param>
/// <param name="Latency">Of the requests answered with 2xx and a body of the expected length, from their due time.</param>
/// <param name="SendLag">From each request's due time to when the generator began sending it: the generator's own delay.</param>
/// <param name="Errors">The failed requests, by kind.</param>
internal sealed record TargetResult(LoadTarget Target, int Requests, LatencySummary Latency, LatencySummary SendLag, ErrorCounts Errors);
