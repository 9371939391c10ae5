using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Patching;

namespace Periscope.Kubernetes.Emulator.Tests.Patching;

public sealed class JsonPatchTests
{
    [Theory]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a/b","path":"/c"}]""", """{"a":{},"c":1}""")]
    [InlineData("""{"a":[1,2]}""", """[{"op":"copy","from":"/a/0","path":"/a/-"}]""", """{"a":[1,2,1]}""")]
    [InlineData("""{"a":[1,2]}""", """[{"op":"add","path":"/a/0","value":0}]""", """{"a":[0,1,2]}""")]
    [InlineData("""{"a":[1,2]}""", """[{"op":"remove","path":"/a/0"}]""", """{"a":[2]}""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"/a","value":{"x":null}}]""", """{"a":{"x":null}}""")]
    [InlineData("""{"m":{}}""", """[{"op":"add","path":"/m/periscope.dev~1app-id","value":"x"},{"op":"add","path":"/m/t~0","value":"y"}]""", """{"m":{"periscope.dev/app-id":"x","t~":"y"}}""")]
    public void Apply_Rfc6902Operations_ProduceExpectedDocument(string document, string patch, string expected)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(document)!.AsObject(), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result.ToJsonString());
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"/missing"}]""")]
    [InlineData("""[{"op":"replace","path":"/missing","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/a/5","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/x/y","value":1}]""")]
    [InlineData("""[{"op":"test","path":"/a","value":[9]}]""")]
    [InlineData("""[{"op":"jump","path":"/a"}]""")]
    [InlineData("""{"op":"add"}""")]
    public void Apply_InvalidOperation_ThrowsAndLeavesInputAlone(string patch)
    {
        var document = JsonNode.Parse("""{"a":[1]}""")!.AsObject();

        Assert.Throws<PatchException>(() => JsonPatch.Apply(document, JsonNode.Parse(patch)));
        Assert.Equal("""{"a":[1]}""", document.ToJsonString());
    }
}
