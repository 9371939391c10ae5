using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Tests.Configuration;

public sealed class PodNamesTests
{
    [Theory]
    [InlineData("orders-7d9f-abcde", "orders-7d9f-abcde")]
    [InlineData("DEV-LAPTOP", "dev-laptop")]
    [InlineData("Jane's MacBook Pro.local", "jane-s-macbook-pro.local")]
    [InlineData("_build_agent_", "build-agent")]
    [InlineData("host..example.", "host.example")]
    [InlineData("---", "localhost")]
    [InlineData("王的电脑", "localhost")]
    public void FromHostName_AnyHostName_ReturnsSubdomain(string hostName, string expected)
    {
        var pod = PodNames.FromHostName(hostName);

        Assert.Equal(expected, pod);
        Assert.True(ResourceNames.IsSubdomain(pod));
    }

    [Fact]
    public void FromHostName_LabelLongerThan63_IsShortened()
    {
        var pod = PodNames.FromHostName(new string('a', 70) + ".example");

        Assert.Equal(new string('a', 63) + ".example", pod);
    }
}
