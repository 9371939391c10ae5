using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.SocketThreads;

public sealed class OffSocketThreadStreamTests
{
    [Fact]
    public async Task ReadAsync_CompletedOnAnotherThread_ReturnsOnPoolThreadWithTheBytes()
    {
        var socket = new DedicatedThread();
        var buffer = new byte[8];
        var caller = Read(new OffSocketThreadStream(new PendingStream(socket)), buffer);

        await socket.CompleteAsync(3);

        var (count, seen) = await caller;
        Assert.Equal(3, count);
        Assert.Equal("xxx"u8.ToArray(), buffer[..3]);
        Assert.True(seen.PoolThread);
    }

    [Fact]
    public async Task ReadAsync_WithoutTheWrapper_ReturnsOnTheCompletingThread()
    {
        var socket = new DedicatedThread();
        var caller = Read(new PendingStream(socket), new byte[8]);

        await socket.CompleteAsync(3);

        Assert.False((await caller).Seen.PoolThread);
    }

    [Fact]
    public async Task WriteAsync_CompletedOnAnotherThread_ReturnsOnPoolThread()
    {
        var socket = new DedicatedThread();
        var caller = Write(new OffSocketThreadStream(new PendingStream(socket)));

        await socket.CompleteAsync(0);

        Assert.True((await caller).PoolThread);

        static async Task<ThreadSeen> Write(Stream stream)
        {
            await stream.WriteAsync("abc"u8.ToArray()).ConfigureAwait(false);
            return ThreadSeen.Now();
        }
    }

    [Fact]
    public async Task FlushAsync_FailedOnAnotherThread_ThrowsOnPoolThread()
    {
        var socket = new DedicatedThread();
        var caller = Flush(new OffSocketThreadStream(new PendingStream(socket)));

        await socket.CompleteAsync(0, new IOException("reset"));

        var (threw, seen) = await caller;
        Assert.True(threw);
        Assert.True(seen.PoolThread);

        static async Task<(bool Threw, ThreadSeen Seen)> Flush(Stream stream)
        {
            try
            {
                await stream.FlushAsync().ConfigureAwait(false);
                return (false, ThreadSeen.Now());
            }
            catch (IOException)
            {
                return (true, ThreadSeen.Now());
            }
        }
    }

    private static async Task<(int Count, ThreadSeen Seen)> Read(Stream stream, byte[] buffer)
    {
        var count = await stream.ReadAsync(buffer).ConfigureAwait(false);
        return (count, ThreadSeen.Now());
    }
}
