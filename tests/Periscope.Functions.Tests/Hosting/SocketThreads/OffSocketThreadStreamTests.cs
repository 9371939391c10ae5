using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.SocketThreads;

public sealed class OffSocketThreadStreamTests
{
    [Fact]
    public async Task ReadAsync_CompletedOnAnotherThread_ReturnsOnPoolThreadWithTheBytes()
    {
        var socket = new DedicatedThread();
        var buffer = new byte[8];
        var read = new OffSocketThreadStream(new PendingStream(socket)).ReadAsync(buffer).AsTask();
        var caller = ThreadSeen.After(read);

        await socket.CompleteAsync(3);

        var (failure, seen) = await caller;
        Assert.Null(failure);
        Assert.Equal(3, await read);
        Assert.Equal("xxx"u8.ToArray(), buffer[..3]);
        Assert.True(seen.PoolThread);
    }

    [Fact]
    public async Task ReadAsync_WithoutTheWrapper_ReturnsOnTheCompletingThread()
    {
        var socket = new DedicatedThread();
        var caller = ThreadSeen.After(new PendingStream(socket).ReadAsync(new byte[8]).AsTask());

        await socket.CompleteAsync(3);

        Assert.False((await caller).Seen.PoolThread);
    }

    [Fact]
    public async Task WriteAsync_CompletedOnAnotherThread_ReturnsOnPoolThread()
    {
        var socket = new DedicatedThread();
        var caller = ThreadSeen.After(new OffSocketThreadStream(new PendingStream(socket)).WriteAsync("abc"u8.ToArray()).AsTask());

        await socket.CompleteAsync(0);

        var (failure, seen) = await caller;
        Assert.Null(failure);
        Assert.True(seen.PoolThread);
    }

    [Fact]
    public async Task FlushAsync_FailedOnAnotherThread_ThrowsOnPoolThread()
    {
        var socket = new DedicatedThread();
        var caller = ThreadSeen.After(new OffSocketThreadStream(new PendingStream(socket)).FlushAsync());

        await socket.CompleteAsync(0, new IOException("reset"));

        var (failure, seen) = await caller;
        Assert.IsType<IOException>(failure);
        Assert.True(seen.PoolThread);
    }
}
