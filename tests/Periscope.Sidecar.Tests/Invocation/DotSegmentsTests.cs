using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Tests.Invocation;

public sealed class DotSegmentsTests
{
    [Theory]
    [InlineData("/a/b/c", "/a/b/c")]
    [InlineData("/a/./b", "/a/b")]
    [InlineData("/a/b/../c", "/a/c")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/a/.", "/a/")]
    [InlineData("/..", "/")]
    [InlineData("/../../x", "/x")]
    [InlineData("/a/%2e%2E/b", "/b")]
    [InlineData("/a/.%2E/b", "/b")]
    [InlineData("/a/%2F../b", "/a/%2F../b")]
    [InlineData("/...", "/...")]
    [InlineData("/.well-known/x", "/.well-known/x")]
    [InlineData("/%2Fetc", "/%2Fetc")]
    [InlineData("/", "/")]
    public void Remove_Path_Rfc3986Result(string path, string expected) => Assert.Equal(expected, DotSegments.Remove(path));

    [Fact]
    public void Remove_NothingToRemove_SameInstance()
    {
        var path = "/api/orders/42";

        Assert.Same(path, DotSegments.Remove(path));
    }
}
