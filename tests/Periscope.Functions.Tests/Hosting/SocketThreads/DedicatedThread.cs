using System.Collections.Concurrent;

namespace Periscope.Functions.Tests.Hosting.SocketThreads;

/// <summary>
/// Stands in for a socket's event thread: operations left pending until the test completes them, one by one, from a
/// thread of its own (not a pool thread), so that continuations run there, as they do after an inline socket
/// completion. The code under test must be awaiting an operation before <see cref="CompleteAsync"/> completes it
/// (call it directly, not through Task.Run: an async method registers its continuation before it returns), with
/// ConfigureAwait(false), so that no synchronization context decides where it resumes.
/// </summary>
internal sealed class DedicatedThread
{
    private readonly ConcurrentQueue<TaskCompletionSource<int>> _pending = new();
    private readonly SemaphoreSlim _started = new(0);

    /// <summary>A pending operation; its continuations run synchronously on whichever thread completes it.</summary>
    public Task<int> Pending()
    {
        var operation = new TaskCompletionSource<int>();
        _pending.Enqueue(operation);
        _started.Release();
        return operation.Task;
    }

    /// <summary>Waits for the next <see cref="Pending"/> operation and completes it on a new thread with <paramref name="result"/> (or fails it).</summary>
    public async Task CompleteAsync(int result, Exception? failure = null)
    {
        Assert.True(await _started.WaitAsync(TimeSpan.FromSeconds(10)), "the code under test did not start the operation");
        Assert.True(_pending.TryDequeue(out var operation));
        var thread = new Thread(() =>
        {
            if (failure is null)
            {
                operation.SetResult(result);
            }
            else
            {
                operation.SetException(failure);
            }
        });
        thread.Start();
        thread.Join();
    }

    /// <summary>Runs <paramref name="body"/> on a new thread that is not a pool thread, until its first real await.</summary>
    public static Task<T> StartOnNewThread<T>(Func<Task<T>> body)
    {
        Task<T>? started = null;
        var thread = new Thread(() => started = body());
        thread.Start();
        thread.Join();
        return started!;
    }
}
