using System.Text.Json.Nodes;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Tests.Injection;

public sealed class AppIdResolverTests
{
    [Theory]
    [InlineData("""{ "annotations": { "periscope.dev/app-id": "orders" }, "labels": { "app": "x" } }""", "orders")]
    [InlineData("""{ "labels": { "app.kubernetes.io/name": "cart", "app": "x" } }""", "cart")]
    [InlineData("""{ "labels": { "app": "Payments" } }""", "payments")]
    [InlineData("""{ "labels": { "pod-template-hash": "7d4f8b9c6" }, "ownerReferences": [ { "kind": "ReplicaSet", "name": "web-api-7d4f8b9c6", "controller": true } ] }""", "web-api")]
    [InlineData("""{ "ownerReferences": [ { "kind": "ReplicaSet", "name": "web-api-5fd9c" } ] }""", "web-api")]
    [InlineData("""{ "ownerReferences": [ { "kind": "StatefulSet", "name": "db", "controller": true } ] }""", "db")]
    [InlineData("""{ "generateName": "batch-job-" }""", "batch-job")]
    [InlineData("""{ "name": "Lonely.Pod" }""", "lonely-pod")]
    [InlineData("""{ }""", "from-request")]
    public void Resolve_Metadata_InfersAppId(string metadata, string expected)
    {
        var pod = new JsonObject { ["metadata"] = JsonNode.Parse(metadata) };

        Assert.Equal(expected, AppIdResolver.Resolve(pod, "from-request", []));
    }

    [Theory]
    [InlineData("Orders_API", "orders-api")]
    [InlineData("--x--", "x")]
    [InlineData("!!!", null)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbb", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Sanitise_Value_MakesRfc1123Label(string value, string? expected) =>
        Assert.Equal(expected, AppIdResolver.Sanitise(value));

    [Fact]
    public void Resolve_InvalidAnnotation_SanitisesAndWarns()
    {
        var pod = new JsonObject { ["metadata"] = JsonNode.Parse("""{ "annotations": { "periscope.dev/app-id": "Orders API" } }""") };
        var warnings = new List<string>();

        Assert.Equal("orders-api", AppIdResolver.Resolve(pod, null, warnings));
        Assert.Single(warnings);
    }
}
