namespace Periscope.Functions.Tests.Hosting.SocketThreads;

/// <summary>A stream whose asynchronous reads, writes and flushes wait for <see cref="DedicatedThread.CompleteAsync"/>; a read returns the count completed with, of 'x' bytes.</summary>
internal sealed class PendingStream(DedicatedThread socket) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await socket.Pending().ConfigureAwait(false);
        buffer.Span[..count].Fill((byte)'x');
        return count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        await socket.Pending().ConfigureAwait(false);

    public override Task FlushAsync(CancellationToken cancellationToken) => socket.Pending();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
