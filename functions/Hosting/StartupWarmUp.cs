namespace Periscope.Functions.Hosting;

/// <summary>
/// Cold start is on the request path (KEDA scales the functions from zero). The first request builds every mapped
/// endpoint (the Request Delegate Generator's code for each function runs, and the JSON metadata of every request and
/// response type is created); <see cref="BuildEndpoints"/> starts that on the thread pool as soon as the functions are
/// mapped, so a second core does it while the main thread starts the host and Kestrel. The first request then finds
/// the code compiled and the metadata cached. bench/coldstart, side by side: about 45 ms sooner to the first answer
/// compiled at run time, 5–15 ms published ReadyToRun (bench/README.md, "coldstart").
/// </summary>
/// <remarks>
/// Tried and not kept: constructing the hosted services (and with them the SQLite store, which opens and migrates its
/// database in its constructor) the same way while the functions are mapped made start-up 80 ms slower: both threads
/// were loading types and compiling at once.
/// </remarks>
internal static class StartupWarmUp
{
    /// <summary>
    /// Reads every endpoint of <paramref name="endpoints"/> once, on the thread pool. A failure is not reported here:
    /// the first request builds the endpoints again and reports it where it belongs.
    /// </summary>
    public static Task BuildEndpoints(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var sources = endpoints.DataSources.ToList();
        return Task.Run(() =>
        {
            try
            {
                foreach (var source in sources)
                {
                    _ = source.Endpoints;
                }
            }
            catch (Exception)
            {
                // Built and reported again by the first request (see the summary).
            }
        });
    }
}
