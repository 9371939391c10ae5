namespace Periscope.Forwarding.Tests;

public sealed class HopByHopHeadersTests
{
    [Theory]
    [InlineData("Connection")]
    [InlineData("keep-alive")]
    [InlineData("Proxy-Connection")]
    [InlineData("te")]
    [InlineData("Transfer-Encoding")]
    [InlineData("UPGRADE")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Proxy-Authenticate")]
    [InlineData("alt-svc")]
    public void IsHopByHop_Rfc9110Names_AnyCase(string name) => Assert.True(HopByHopHeaders.IsHopByHop(name));

    [Theory]
    [InlineData("traceparent")]
    [InlineData("Authorization")]
    [InlineData("Content-Length")]
    [InlineData("Trailer")]
    public void IsHopByHop_EndToEndNames_False(string name) => Assert.False(HopByHopHeaders.IsHopByHop(name));

    [Fact]
    public void ListedIn_SeveralValuesAndTokens_NamesTheHeadersButNotCloseOrKeepAlive()
    {
        var listed = HopByHopHeaders.ListedIn(new[] { "close, X-One ,x-two", " Keep-Alive,,X-Three\t" });

        Assert.NotNull(listed);
        Assert.Equal(["x-one", "x-three", "x-two"], listed.Select(name => name.ToLowerInvariant()).Order());
        Assert.Contains("X-TWO", listed);
    }

    [Theory]
    [InlineData("close")]
    [InlineData("keep-alive")]
    [InlineData(" , ")]
    public void ListedIn_OnlyConnectionOptions_Null(string value) => Assert.Null(HopByHopHeaders.ListedIn(new[] { value }));
}
