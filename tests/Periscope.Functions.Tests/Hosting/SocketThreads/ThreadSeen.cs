namespace Periscope.Functions.Tests.Hosting.SocketThreads;

/// <summary>Where a continuation ran: whether on a pool thread, and which thread.</summary>
internal readonly record struct ThreadSeen(bool PoolThread, int ThreadId)
{
    public static ThreadSeen Now() => new(Thread.CurrentThread.IsThreadPoolThread, Environment.CurrentManagedThreadId);
}
