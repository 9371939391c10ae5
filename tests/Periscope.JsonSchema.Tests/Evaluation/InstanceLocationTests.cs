using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Tests.Evaluation;

public sealed class InstanceLocationTests
{
    [Fact]
    public void ToString_Root_IsEmpty()
    {
        Assert.Equal(string.Empty, InstanceLocation.Root.ToString());
        Assert.Equal(0, InstanceLocation.Root.Depth);
    }

    [Fact]
    public void ToString_NestedLocation_IsAnRfc6901Pointer()
    {
        var location = InstanceLocation.Root.Property("a/b").Item(3).Property("~x").Property(string.Empty);

        Assert.Equal("/a~1b/3/~0x/", location.ToString());
        Assert.Equal(4, location.Depth);
    }
}
