using Periscope.JsonSchema.Formats;

namespace Periscope.JsonSchema.Tests.Formats;

public sealed class IpAddressFormatsTests
{
    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("010.0.0.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.", false)]
    public void IsIPv4_DottedQuadWithoutLeadingZeros(string text, bool valid)
    {
        Assert.Equal(valid, IpAddressFormats.IsIPv4(text));
    }

    [Theory]
    [InlineData("2001:db8::8a2e:370:7334", true)]
    [InlineData("2001:DB8:0:0:8:800:200C:417A", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("1:2:3:4:5:6:7::", true)]
    [InlineData("1:2:3:4:5:6:7:8::", false)]
    [InlineData("::1.2.3.4:5", false)]
    [InlineData("", false)]
    public void IsIPv6_Rfc4291TextForms(string text, bool valid)
    {
        Assert.Equal(valid, IpAddressFormats.IsIPv6(text));
    }
}
