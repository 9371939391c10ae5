namespace Periscope.Functions.Hosting;

/// <summary>
/// The loop of a background service that does one pass at start and then one every period until the host stops; a
/// pass that fails is reported and the next one tries again. Since .NET 10 all of ExecuteAsync runs on the thread
/// pool, so the first pass does not hold up start-up
/// (learn.microsoft.com/dotnet/core/compatibility/extensions/10.0/backgroundservice-executeasync-task).
/// </summary>
internal static class PeriodicPasses
{
    public static async Task RunAsync(
        TimeSpan period, TimeProvider clock, Func<CancellationToken, Task> pass, Action<Exception> failed, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            do
            {
                try
                {
                    await pass(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failed(exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
