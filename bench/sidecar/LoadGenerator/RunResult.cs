namespace Periscope.Bench.LoadGenerator;

/// <summary>The measured part of a fixed-rate run.</summary>
/// <param name="Requests">Scheduled in the measured part.</param>
/// <param name="Latency">Of the requests answered with 2xx and a body of the expected length, from their due time.</param>
/// <param name="SendLag">From each request's due time to when the generator began sending it: the generator's own delay.</param>
/// <param name="StatusErrors">Answers other than 2xx.</param>
/// <param name="LengthErrors">2xx answers whose body was not as long as the request's (the app echoes).</param>
/// <param name="Timeouts">No whole answer within the timeout.</param>
/// <param name="ConnectionErrors">Connect, reset, or a broken answer.</param>
/// <param name="WarmUpErrors">Errors of any kind during warm-up (not in the figures).</param>
/// <param name="FirstError">The first error's description, to say what went wrong.</param>
/// <param name="WindowSeconds">From the first measured due time to the last measured answer.</param>
/// <param name="Usage">The watched processes, the generator included.</param>
internal sealed record RunResult(
    int Requests,
    LatencySummary Latency,
    LatencySummary SendLag,
    int StatusErrors,
    int LengthErrors,
    int Timeouts,
    int ConnectionErrors,
    int WarmUpErrors,
    string? FirstError,
    double WindowSeconds,
    IReadOnlyList<ProcessUsage> Usage)
{
    public int Errors => StatusErrors + LengthErrors + Timeouts + ConnectionErrors;
}
