using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.SocketThreads;

public sealed class SocketThreadTests
{
    [Fact]
    public async Task Leave_OnPoolThread_CompletesAtOnce()
    {
        var completed = await Task.Run(() => SocketThread.Leave().IsCompleted);

        Assert.True(completed);
    }

    [Fact]
    public async Task Leave_OnAnotherThread_ResumesOnPoolThread()
    {
        var seen = await DedicatedThread.StartOnNewThread(async () =>
        {
            var before = ThreadSeen.Now();
            await SocketThread.Leave();
            return (Before: before, After: ThreadSeen.Now());
        });

        Assert.False(seen.Before.PoolThread);
        Assert.True(seen.After.PoolThread);
    }

    [Fact]
    public async Task LeaveAfter_OperationCompletedOnAnotherThread_ResumesOnPoolThread()
    {
        var socket = new DedicatedThread();
        var caller = Caller(socket.Pending());

        await socket.CompleteAsync(1);

        Assert.True((await caller).PoolThread);

        static async Task<ThreadSeen> Caller(Task operation)
        {
            await SocketThread.LeaveAfter(operation).ConfigureAwait(false);
            return ThreadSeen.Now();
        }
    }

    [Fact]
    public async Task LeaveAfter_OperationFailedOnAnotherThread_ThrowsOnPoolThread()
    {
        var socket = new DedicatedThread();
        var caller = Caller(socket.Pending());

        await socket.CompleteAsync(0, new IOException("reset"));

        var (threw, seen) = await caller;
        Assert.True(threw);
        Assert.True(seen.PoolThread);

        static async Task<(bool Threw, ThreadSeen Seen)> Caller(Task operation)
        {
            try
            {
                await SocketThread.LeaveAfter(operation).ConfigureAwait(false);
                return (false, ThreadSeen.Now());
            }
            catch (IOException)
            {
                return (true, ThreadSeen.Now());
            }
        }
    }

    [Fact]
    public async Task Awaiting_OperationCompletedOnAnotherThread_WithoutLeave_ResumesThere()
    {
        // What the rest guards against: after an inline completion, the awaiting code runs on the completing thread.
        var socket = new DedicatedThread();
        var caller = Caller(socket.Pending());

        await socket.CompleteAsync(1);

        Assert.False((await caller).PoolThread);

        static async Task<ThreadSeen> Caller(Task operation)
        {
            await operation.ConfigureAwait(false);
            return ThreadSeen.Now();
        }
    }
}
