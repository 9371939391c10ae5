using System.Net;
using Microsoft.AspNetCore.Http;

namespace Periscope.Forwarding.Tests;

public sealed class ForwardedResponseTests
{
    [Theory]
    [InlineData("GET", 200, true)]
    [InlineData("HEAD", 200, false)]
    [InlineData("head", 200, false)]
    [InlineData("GET", 204, false)]
    [InlineData("GET", 304, false)]
    [InlineData("POST", 500, true)]
    public void HasBody_MethodAndStatus_FollowsRfc9110(string method, int status, bool expected) =>
        Assert.Equal(expected, ForwardedResponse.HasBody(method, status));

    [Fact]
    public void CopyStatusAndHeaders_HopByHopAndConnectionListed_AreDropped()
    {
        using var source = new HttpResponseMessage(HttpStatusCode.Created) { Content = new ByteArrayContent([1, 2, 3]) };
        source.Headers.TryAddWithoutValidation("Connection", "X-Private");
        source.Headers.TryAddWithoutValidation("X-Private", "secret");
        source.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");
        source.Headers.TryAddWithoutValidation("Set-Cookie", ["a=1", "b=2"]);
        source.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain");
        var context = new DefaultHttpContext();

        ForwardedResponse.CopyStatusAndHeaders(source, context);

        var headers = context.Response.Headers;
        Assert.Equal(201, context.Response.StatusCode);
        Assert.False(headers.ContainsKey("Connection"));
        Assert.False(headers.ContainsKey("X-Private"));
        Assert.False(headers.ContainsKey("Keep-Alive"));
        Assert.Equal(2, headers.SetCookie.Count);
        Assert.Equal(("a=1", "b=2"), (headers.SetCookie[0], headers.SetCookie[1]));
        Assert.Equal("text/plain", headers.ContentType.ToString());
    }

    [Fact]
    public void CopyStatusAndHeaders_TransferEncoding_DropsContentLength()
    {
        using var source = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) };
        source.Headers.TryAddWithoutValidation("Transfer-Encoding", "chunked");
        source.Content.Headers.TryAddWithoutValidation("Content-Length", "3");
        var context = new DefaultHttpContext();

        ForwardedResponse.CopyStatusAndHeaders(source, context);

        Assert.False(context.Response.Headers.ContainsKey("Content-Length"));
        Assert.False(context.Response.Headers.ContainsKey("Transfer-Encoding"));
    }
}
