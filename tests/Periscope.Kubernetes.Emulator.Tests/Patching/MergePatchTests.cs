using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Patching;

namespace Periscope.Kubernetes.Emulator.Tests.Patching;

public sealed class MergePatchTests
{
    // RFC 7386 Appendix A, the cases whose target is an object.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", "{}")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("{}", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_Rfc7386Examples_Match(string target, string patch, string expected)
    {
        var result = MergePatch.Apply(JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(patch), strategic: false);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result.ToJsonString());
    }

    [Fact]
    public void Apply_StrategicVolumeMountsAndPorts_MergeByTheirKeys()
    {
        var pod = JsonNode.Parse("""{"spec":{"containers":[{"name":"app","ports":[{"containerPort":80,"name":"http"}],"volumeMounts":[{"mountPath":"/data","name":"d"}]}]}}""")!.AsObject();
        var patch = JsonNode.Parse("""{"spec":{"containers":[{"name":"app","ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":9090}],"volumeMounts":[{"mountPath":"/tmp","name":"t"}]}],"$setElementOrder/containers":[{"name":"app"}]}}""");

        var result = MergePatch.Apply(pod, patch, strategic: true);

        var container = result["spec"]!["containers"]![0]!;
        Assert.Equal("""[{"containerPort":80,"name":"http","protocol":"TCP"},{"containerPort":9090}]""", container["ports"]!.ToJsonString());
        Assert.Equal(2, container["volumeMounts"]!.AsArray().Count);
        Assert.False(result["spec"]!.AsObject().ContainsKey("$setElementOrder/containers"));
    }
}
