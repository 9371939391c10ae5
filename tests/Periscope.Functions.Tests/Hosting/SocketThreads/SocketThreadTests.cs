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
        var caller = ThreadSeen.After(SocketThread.LeaveAfter(socket.Pending()));

        await socket.CompleteAsync(1);

        var (failure, seen) = await caller;
        Assert.Null(failure);
        Assert.True(seen.PoolThread);
    }

    [Fact]
    public async Task LeaveAfter_OperationFailedOnAnotherThread_ThrowsOnPoolThread()
    {
        var socket = new DedicatedThread();
        var caller = ThreadSeen.After(SocketThread.LeaveAfter(socket.Pending()));

        await socket.CompleteAsync(0, new IOException("reset"));

        var (failure, seen) = await caller;
        Assert.IsType<IOException>(failure);
        Assert.True(seen.PoolThread);
    }

    [Fact]
    public async Task Awaiting_OperationCompletedOnAnotherThread_WithoutLeave_ResumesThere()
    {
        // What the rest guards against: after an inline completion, the awaiting code runs on the completing thread.
        var socket = new DedicatedThread();
        var caller = ThreadSeen.After(socket.Pending());

        await socket.CompleteAsync(1);

        Assert.False((await caller).Seen.PoolThread);
    }
}
