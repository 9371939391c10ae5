using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;

namespace Periscope.OpenApi.Tests.Json;

public sealed class JsonTreeSizeTests
{
    [Theory]
    [InlineData("1", 1, 0)]
    [InlineData("{}", 1, 1)]
    [InlineData("[1,2,3]", 4, 1)]
    [InlineData("""{"a":{"b":[1,{"c":null}]},"d":"x"}""", 7, 4)]
    public void Measure_Tree_CountsNodesAndNestedContainers(string json, long count, int height)
    {
        Assert.Equal((count, height), JsonTreeSize.Measure(JsonNode.Parse(json)));
    }

    [Fact]
    public void Measure_JsonNull_IsOneNodeOfHeightZero()
    {
        Assert.Equal((1L, 0), JsonTreeSize.Measure(null));
    }
}
