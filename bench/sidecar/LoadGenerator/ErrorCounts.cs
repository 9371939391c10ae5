namespace Periscope.Bench.LoadGenerator;

/// <summary>Failed requests by kind.</summary>
/// <param name="Status">Answers other than 2xx.</param>
/// <param name="Length">2xx answers whose body was not as long as the request's (the app echoes).</param>
/// <param name="Timeouts">No whole answer within the timeout.</param>
/// <param name="Connection">Connect, reset, or a broken answer.</param>
/// <param name="WarmUp">Errors of any kind during warm-up (not in the figures).</param>
/// <param name="First">The first error's description, to say what went wrong.</param>
internal sealed record ErrorCounts(int Status, int Length, int Timeouts, int Connection, int WarmUp, string? First)
{
    public int Total => Status + Length + Timeouts + Connection;
}
