using System.Runtime.CompilerServices;

namespace Periscope.Functions.Hosting;

/// <summary>
/// The functions host completes socket operations on the sockets' own event threads and runs the invoke function's
/// requests there (Program.cs, <see cref="SocketThreadDispatchMiddleware"/>), as the sidecar runs all of its work:
/// no thread hand-off per read, write and request. Such a thread serves every connection of the process, so code
/// that blocks (the SQLite store) or computes for long (parsing a Prometheus answer) must not run on it:
/// <c>await SocketThread.Leave()</c> moves the rest of a method to the thread pool when it is on any thread but a
/// pool thread, and costs nothing when it already runs on one.
/// </summary>
internal static class SocketThread
{
    /// <summary>An awaitable that completes at once on a thread-pool thread, else resumes on one.</summary>
    public static Exit Leave() => default;

    /// <summary>Awaits <paramref name="operation"/>, then returns (or throws) on a thread-pool thread.</summary>
    public static async Task LeaveAfter(Task operation)
    {
        try
        {
            await operation.ConfigureAwait(false);
        }
        finally
        {
            await Leave();
        }
    }

    /// <inheritdoc cref="LeaveAfter(Task)"/>
    public static async Task<T> LeaveAfter<T>(Task<T> operation)
    {
        try
        {
            return await operation.ConfigureAwait(false);
        }
        finally
        {
            await Leave();
        }
    }

    /// <inheritdoc cref="LeaveAfter(Task)"/>
    public static async ValueTask LeaveAfter(ValueTask operation)
    {
        try
        {
            await operation.ConfigureAwait(false);
        }
        finally
        {
            await Leave();
        }
    }

    /// <inheritdoc cref="LeaveAfter(Task)"/>
    public static async ValueTask<T> LeaveAfter<T>(ValueTask<T> operation)
    {
        try
        {
            return await operation.ConfigureAwait(false);
        }
        finally
        {
            await Leave();
        }
    }

    public readonly struct Exit : ICriticalNotifyCompletion
    {
        public bool IsCompleted => Thread.CurrentThread.IsThreadPoolThread;

        public Exit GetAwaiter() => this;

        public void GetResult()
        {
        }

        public void OnCompleted(Action continuation) => ThreadPool.QueueUserWorkItem(static run => run(), continuation, preferLocal: false);

        public void UnsafeOnCompleted(Action continuation) => ThreadPool.UnsafeQueueUserWorkItem(static run => run(), continuation, preferLocal: false);
    }
}
