namespace Periscope.Forwarding.Tests;

public sealed class BodyCaptureTests
{
    [Fact]
    public void Append_SeveralChunksWithinTheLimit_KeepsThemInOrder()
    {
        var capture = new BodyCapture(1000);

        capture.Append("hello, "u8);
        capture.Append("world"u8);

        Assert.Equal("hello, world"u8.ToArray(), capture.Captured.ToArray());
        Assert.False(capture.Truncated);
    }

    [Fact]
    public void Append_PastTheLimit_KeepsTheLimitAndMarksTruncated()
    {
        var capture = new BodyCapture(4);

        capture.Append("abc"u8);
        capture.Append("def"u8);
        capture.Append("g"u8);

        Assert.Equal("abcd"u8.ToArray(), capture.Captured.ToArray());
        Assert.True(capture.Truncated);
    }

    [Fact]
    public void Append_ZeroLimit_CapturesNothing()
    {
        var capture = new BodyCapture(0);

        capture.Append("x"u8);

        Assert.True(capture.Captured.IsEmpty);
        Assert.True(capture.Truncated);
    }
}
