using Periscope.JsonSchema.Formats;

namespace Periscope.JsonSchema.Tests.Formats;

public sealed class AbsoluteUriFormatTests
{
    [Theory]
    [InlineData("https://example.com:8443/a/b?c=d#e", true)]
    [InlineData("http://[v7.fe80::1]/", true)]
    [InlineData("urn:isbn:0451450523", true)]
    [InlineData("http://example.com:80a/", false)]
    [InlineData("http://[::1/", false)]
    [InlineData("http://example.com/%zz", false)]
    [InlineData("http://example.com/%4", false)]
    [InlineData("1http://example.com", false)]
    [InlineData("C:\\Windows", false)]
    [InlineData("https://example.com/a#b#c", false)]
    public void IsUri_AbsoluteUrisByRfc3986(string text, bool valid)
    {
        Assert.Equal(valid, AbsoluteUriFormat.IsUri(text));
    }
}
