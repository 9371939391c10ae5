namespace Periscope.Functions.Tests.Hosting.SocketThreads;

/// <summary>Where a continuation ran: whether on a pool thread, and which thread.</summary>
internal readonly record struct ThreadSeen(bool PoolThread, int ThreadId)
{
    public static ThreadSeen Now() => new(Thread.CurrentThread.IsThreadPoolThread, Environment.CurrentManagedThreadId);

    /// <summary>
    /// Awaits <paramref name="operation"/> with no synchronization context and says where the code after it ran, and
    /// what it threw. Call it directly (it registers its continuation before it returns), not through Task.Run.
    /// </summary>
    public static async Task<(Exception? Failure, ThreadSeen Seen)> After(Task operation)
    {
        try
        {
            await operation.ConfigureAwait(false);
            return (null, Now());
        }
        catch (Exception exception)
        {
            return (exception, Now());
        }
    }
}
