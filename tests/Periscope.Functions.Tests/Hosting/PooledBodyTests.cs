using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting;

public sealed class PooledBodyTests
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))];

    [Theory]
    [InlineData(null)]
    [InlineData(100_000L)]
    [InlineData(10L)]
    [InlineData(5_000_000L)]
    public async Task ReadAsync_AnyDeclaredLength_ReadsTheWholeBody(long? declared)
    {
        using var body = await PooledBody.ReadAsync(new MemoryStream(Content), declared, maxLength: 1_000_000, CancellationToken.None);

        Assert.NotNull(body);
        Assert.Equal(Content.Length, body.Length);
        Assert.True(body.Span.SequenceEqual(Content));
    }

    [Fact]
    public async Task ReadAsync_BodyInSmallPieces_GrowsTheBufferAndKeepsEveryByte()
    {
        using var body = await PooledBody.ReadAsync(new TrickleStream(Content, pieceSize: 1_000), declaredLength: null, maxLength: 1_000_000, CancellationToken.None);

        Assert.NotNull(body);
        Assert.True(body.Span.SequenceEqual(Content));
    }

    [Fact]
    public async Task ReadAsync_BodyOfExactlyMaxLength_IsRead()
    {
        using var body = await PooledBody.ReadAsync(new MemoryStream(Content), Content.Length, maxLength: Content.Length, CancellationToken.None);

        Assert.NotNull(body);
        Assert.Equal(Content.Length, body.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(50L)]
    public async Task ReadAsync_BodyLongerThanMaxLength_ReturnsNull(long? declared)
    {
        var body = await PooledBody.ReadAsync(new TrickleStream(Content, pieceSize: 7_000), declared, maxLength: Content.Length - 1, CancellationToken.None);

        Assert.Null(body);
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_IsEmpty()
    {
        using var body = await PooledBody.ReadAsync(new MemoryStream(), 0, maxLength: 10, CancellationToken.None);

        Assert.NotNull(body);
        Assert.Equal(0, body.Length);
    }

    [Fact]
    public async Task ReadAsync_StreamFails_Throws()
    {
        var stream = new TrickleStream(Content, pieceSize: 1_000) { FailAfter = 3 };

        await Assert.ThrowsAsync<IOException>(() => PooledBody.ReadAsync(stream, null, maxLength: 1_000_000, CancellationToken.None));
    }

    [Fact]
    public async Task Span_AfterDispose_Throws()
    {
        var body = await PooledBody.ReadAsync(new MemoryStream(Content), null, maxLength: 1_000_000, CancellationToken.None);
        body!.Dispose();
        body.Dispose();

        Assert.Throws<ObjectDisposedException>(() => body.Span.Length);
    }

    /// <summary>Gives at most <c>pieceSize</c> bytes per read, as a network stream does; optionally fails after some reads.</summary>
    private sealed class TrickleStream(byte[] content, int pieceSize) : Stream
    {
        private int _position;
        private int _reads;

        public int FailAfter { get; init; } = int.MaxValue;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (++_reads > FailAfter)
            {
                throw new IOException("connection reset");
            }

            var count = Math.Min(Math.Min(pieceSize, buffer.Length), content.Length - _position);
            content.AsSpan(_position, count).CopyTo(buffer.Span);
            _position += count;
            return ValueTask.FromResult(count);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
