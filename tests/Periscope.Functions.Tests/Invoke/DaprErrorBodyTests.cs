using System.Net;
using System.Text;
using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class DaprErrorBodyTests
{
    [Theory]
    [InlineData("""{"errorCode":"ERR_DIRECT_INVOKE","message":"app id not found"}""")]
    [InlineData("""{"message":"no endpoints","errorCode":"ERR_DIRECT_INVOKE","details":[{"@type":"x"}]}""")]
    public void TryRead_DaprsShape_ReadsCodeAndMessage(string body)
    {
        var error = DaprErrorBody.TryRead(503, Encoding.UTF8.GetBytes(body));

        Assert.NotNull(error);
        Assert.Equal("ERR_DIRECT_INVOKE", error.ErrorCode);
        Assert.Equal(503, error.Status);
    }

    [Theory]
    [InlineData("""{"errorCode":"ERR_DIRECT_INVOKE","message":"x","order":1}""")]
    [InlineData("""{"errorCode":"E42","message":"x"}""")]
    [InlineData("""{"errorCode":"ERR_lower","message":"x"}""")]
    [InlineData("""{"errorCode":"ERR_X"}""")]
    [InlineData("""{"title":"Internal error","status":500}""")]
    [InlineData("""["ERR_X"]""")]
    [InlineData("""not json""")]
    public void TryRead_AppsOwnBody_ReturnsNull(string body) =>
        Assert.Null(DaprErrorBody.TryRead(500, Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData(500, "application/json", 60, true)]
    [InlineData(404, "application/json; charset=utf-8", 60, true)]
    [InlineData(503, "application/problem+json", 60, true)]
    [InlineData(200, "application/json", 60, false)]
    [InlineData(409, "application/json", 60, false)]
    [InlineData(500, "text/plain", 60, false)]
    [InlineData(500, "application/json", 100_000, false)]
    public void IsCandidate_StatusTypeAndLength_DecideWhetherToLook(int status, string contentType, int length, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(new byte[length]) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        Assert.Equal(expected, DaprErrorBody.IsCandidate(response));
    }
}
