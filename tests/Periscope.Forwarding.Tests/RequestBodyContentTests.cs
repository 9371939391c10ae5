namespace Periscope.Forwarding.Tests;

public sealed class RequestBodyContentTests
{
    private static byte[] Bytes(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)i)];

    [Fact]
    public async Task CopyTo_NoLimit_CopiesEveryByteAndCountsThem()
    {
        var body = Bytes(200_000);
        using var content = new RequestBodyContent(new MemoryStream(body), body.Length, CancellationToken.None);
        var progress = 0;
        content.Progress = () => progress++;
        using var sent = new MemoryStream();

        await content.CopyToAsync(sent);

        Assert.Equal(body, sent.ToArray());
        Assert.Equal(body.Length, content.BytesRead);
        Assert.Null(content.ReadFailure);
        Assert.True(progress > 1, $"Progress ran {progress} times for a body of several 64 KiB chunks.");
        Assert.True(content.Completion.IsCompleted);
        Assert.False(content.InProgress);
    }

    [Fact]
    public async Task CopyTo_BodyPastTheLimit_FailsAsTooLarge()
    {
        using var content = new RequestBodyContent(new MemoryStream(Bytes(1000)), null, limit: 999, capture: null, CancellationToken.None);
        using var sent = new MemoryStream();

        await Assert.ThrowsAnyAsync<Exception>(() => content.CopyToAsync(sent));

        Assert.True(content.TooLarge);
        Assert.Equal(0, sent.Length);
        Assert.Equal(SendFailure.RequestBodyTooLarge, SendFailures.Classify(new HttpRequestException("copying"), false, false, content.ReadFailure));
    }

    [Fact]
    public async Task CopyTo_BodyAtTheLimit_IsSentWhole()
    {
        using var content = new RequestBodyContent(new MemoryStream(Bytes(1000)), 1000, limit: 1000, capture: null, CancellationToken.None);
        using var sent = new MemoryStream();

        await content.CopyToAsync(sent);

        Assert.Equal(1000, sent.Length);
        Assert.False(content.TooLarge);
    }

    [Fact]
    public async Task CopyTo_WithCapture_KeepsTheFirstBytesAndMarksTheRestTruncated()
    {
        var body = Bytes(100);
        var capture = new BodyCapture(10);
        using var content = new RequestBodyContent(new MemoryStream(body), body.Length, long.MaxValue, capture, CancellationToken.None);
        using var sent = new MemoryStream();

        await content.CopyToAsync(sent);

        Assert.Equal(body[..10], capture.Captured.ToArray());
        Assert.True(capture.Truncated);
        Assert.Equal(100, sent.Length);
    }

    [Fact]
    public async Task CopyTo_ClientBodyBreaks_RemembersTheReadFailure()
    {
        using var content = new RequestBodyContent(new BrokenStream(), null, CancellationToken.None);
        using var sent = new MemoryStream();

        await Assert.ThrowsAnyAsync<Exception>(() => content.CopyToAsync(sent));

        Assert.IsType<IOException>(content.ReadFailure);
        Assert.False(content.TooLarge);
    }

    [Fact]
    public async Task CopyTo_SecondTime_RefusesToReplay()
    {
        using var content = new RequestBodyContent(new MemoryStream(Bytes(10)), 10, CancellationToken.None);
        await content.CopyToAsync(Stream.Null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => content.CopyToAsync(Stream.Null));
    }

    [Fact]
    public void Completion_NeverStarted_IsAlreadyComplete()
    {
        using var content = new RequestBodyContent(new MemoryStream(), 0, CancellationToken.None);

        Assert.True(content.Completion.IsCompleted);
        Assert.False(content.InProgress);
        Assert.Null(content.Headers.ContentLength);
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("Unexpected end of request content."));
    }
}
