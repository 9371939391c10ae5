using Periscope.Sidecar.Reporting;

namespace Periscope.Sidecar.Tests.Reporting;

public sealed class ProblemTextTests
{
    [Theory]
    [InlineData("""{"type":"about:blank","title":"Invalid report","status":400,"detail":"'appId' must be an RFC 1123 label."}""", "Invalid report: 'appId' must be an RFC 1123 label.")]
    [InlineData("""{"title":"Unauthorized","status":401}""", "Unauthorized")]
    [InlineData("""{"status":400}""", """{"status":400}""")]
    [InlineData("Bad Request\r\n\r\nno report here", "Bad Request no report here")]
    [InlineData("   ", null)]
    public void FromBody_ProblemOrText_ReturnsOneLine(string body, string? expected) =>
        Assert.Equal(expected, ProblemText.FromBody(body));

    [Fact]
    public void FromBody_LongText_IsCut()
    {
        var text = ProblemText.FromBody(new string('x', 2000));

        Assert.Equal(501, text!.Length);
    }
}
