using Microsoft.Extensions.Primitives;

namespace Periscope.Forwarding.Tests;

public sealed class OutgoingRequestTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("post")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public void MethodOf_CommonMethod_IsTheSharedInstance(string method) =>
        Assert.Same(HttpMethod.Parse(method.ToUpperInvariant()), OutgoingRequest.MethodOf(method));

    [Fact]
    public void MethodOf_OtherMethod_KeepsItsName() => Assert.Equal("PROPFIND", OutgoingRequest.MethodOf("PROPFIND").Method);

    [Fact]
    public void AddHeader_SeveralCookieLines_JoinedWithSemicolons()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");

        OutgoingRequest.AddHeader(request, "Cookie", new StringValues(["a=1", "b=2"]));

        Assert.Equal(["a=1; b=2"], request.Headers.NonValidated["Cookie"]);
    }

    [Fact]
    public void AddHeader_ContentHeaderWithoutBody_GoesOnAnEmptyContent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");

        OutgoingRequest.AddHeader(request, "Content-Type", "application/json");
        OutgoingRequest.AddHeader(request, "X-Custom", new StringValues(["1", "2"]));

        Assert.NotNull(request.Content);
        Assert.Equal(["application/json"], request.Content.Headers.NonValidated["Content-Type"]);
        Assert.Equal(["1", "2"], request.Headers.NonValidated["X-Custom"]);
    }

    [Fact]
    public void AsReceived_DotSegmentsAndEscapes_AreLeftAsSent()
    {
        var target = new Uri("http://127.0.0.1:5000/a/../b/%2e%2e/c%2Fd?q=%41", OutgoingRequest.AsReceived);

        Assert.Equal("/a/../b/%2e%2e/c%2Fd?q=%41", target.PathAndQuery);
    }
}
