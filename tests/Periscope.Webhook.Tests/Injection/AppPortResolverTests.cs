using System.Text.Json.Nodes;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Tests.Injection;

public sealed class AppPortResolverTests
{
    [Theory]
    [InlineData("""{ "annotations": { "periscope.dev/app-port": "9000" } }""", """[ { "name": "a", "ports": [ { "containerPort": 80 } ] } ]""", 9000)]
    [InlineData("""{ }""", """[ { "name": "a", "ports": [ { "containerPort": 53, "protocol": "UDP" }, { "containerPort": 8080 } ] } ]""", 8080)]
    [InlineData("""{ }""", """[ { "name": "a" }, { "name": "b", "ports": [ { "containerPort": 80 } ] } ]""", null)]
    [InlineData("""{ }""", """[ { "name": "a", "ports": [ { "containerPort": "8081" } ] } ]""", 8081)]
    public void Resolve_Pod_InfersPort(string metadata, string containers, int? expected)
    {
        var pod = new JsonObject { ["metadata"] = JsonNode.Parse(metadata), ["spec"] = new JsonObject { ["containers"] = JsonNode.Parse(containers) } };

        Assert.Equal(expected, AppPortResolver.Resolve(pod, []));
    }
}
