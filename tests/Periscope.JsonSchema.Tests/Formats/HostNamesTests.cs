using Periscope.JsonSchema.Formats;

namespace Periscope.JsonSchema.Tests.Formats;

public sealed class HostNamesTests
{
    [Theory]
    [InlineData("example.com", true)]
    [InlineData("a-b.c1", true)]
    [InlineData("xn--nw2a.xn--j6w193g", true)]
    [InlineData("-a.com", false)]
    [InlineData("a_b.com", false)]
    [InlineData("a..com", false)]
    public void IsHostName_Rfc1123Labels(string text, bool valid)
    {
        Assert.Equal(valid, HostNames.IsHostName(text));
    }

    [Fact]
    public void IsHostName_LabelLongerThan63_IsRefused()
    {
        Assert.False(HostNames.IsHostName(new string('a', 64) + ".com"));
        Assert.True(HostNames.IsHostName(new string('a', 63) + ".com"));
    }
}
