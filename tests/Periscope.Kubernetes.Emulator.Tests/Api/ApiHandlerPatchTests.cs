using System.Net;
using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Tests.Api;

public sealed class ApiHandlerPatchTests
{
    private const string PodPath = "/api/v1/namespaces/default/pods/web";

    private const string Containers = """[{"name":"app","image":"nginx:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"log","image":"busybox"}]""";

    [Fact]
    public async Task Patch_JsonPatchWithPassingTest_Applies()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web", """{"app":"web"}""");

        var (status, body) = await session.PatchAsync(PodPath, """[{"op":"test","path":"/metadata/labels/app","value":"web"},{"op":"add","path":"/metadata/labels/injected","value":"yes"},{"op":"add","path":"/spec/containers/-","value":{"name":"sidecar","image":"periscope"}}]""", "application/json-patch+json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("yes", (string?)body!["metadata"]!["labels"]!["injected"]);
        Assert.Equal("sidecar", (string?)body["spec"]!["containers"]![1]!["name"]);
    }

    [Fact]
    public async Task Patch_JsonPatchWithFailingTest_Returns422AndChangesNothing()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreatePodAsync("default", "web", """{"app":"web"}""");

        var response = await session.PatchAsync(PodPath, """[{"op":"add","path":"/metadata/labels/x","value":"y"},{"op":"test","path":"/metadata/labels/app","value":"db"}]""", "application/json-patch+json");
        var (_, after) = await session.GetAsync(PodPath);

        StatusAssert.Failure(HttpStatusCode.UnprocessableEntity, "Invalid", response);
        Assert.True(JsonNode.DeepEquals(created, after));
    }

    [Fact]
    public async Task Patch_MergePatchNull_RemovesLabel()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web", """{"app":"web","old":"x"}""");

        var (_, body) = await session.PatchAsync(PodPath, """{"metadata":{"labels":{"old":null,"new":"y"}}}""", "application/merge-patch+json");

        var labels = body!["metadata"]!["labels"]!.AsObject();
        Assert.False(labels.ContainsKey("old"));
        Assert.Equal("y", (string?)labels["new"]);
        Assert.Equal("web", (string?)labels["app"]);
    }

    [Fact]
    public async Task Patch_MergePatchList_ReplacesTheWholeList()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web", containers: Containers);

        var (_, body) = await session.PatchAsync(PodPath, """{"spec":{"containers":[{"name":"app","image":"nginx:2"}]}}""", "application/merge-patch+json");

        var container = Assert.Single(body!["spec"]!["containers"]!.AsArray());
        Assert.Null(container!["env"]);
    }

    [Fact]
    public async Task Patch_StrategicMerge_MergesContainersAndEnvByName()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web", containers: Containers);

        var (_, body) = await session.PatchAsync(
            PodPath,
            """{"spec":{"containers":[{"name":"app","image":"nginx:2","env":[{"name":"B","value":"20"},{"name":"C","value":"3"},{"name":"A","$patch":"delete"}]}],"initContainers":[{"name":"init","image":"x"}],"volumes":[{"name":"data","emptyDir":{}}]}}""",
            "application/strategic-merge-patch+json");

        var containers = body!["spec"]!["containers"]!.AsArray();
        Assert.Equal(2, containers.Count);
        Assert.Equal("nginx:2", (string?)containers[0]!["image"]);
        Assert.Equal("busybox", (string?)containers[1]!["image"]);
        Assert.Equal("B=20,C=3", string.Join(',', containers[0]!["env"]!.AsArray().Select(e => $"{e!["name"]}={e["value"]}")));
        Assert.Equal("init", (string?)body["spec"]!["initContainers"]![0]!["name"]);
        Assert.Equal("data", (string?)body["spec"]!["volumes"]![0]!["name"]);
    }

    [Fact]
    public async Task Patch_ResourceVersionStale_Returns409()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web");

        var response = await session.PatchAsync(PodPath, """{"metadata":{"resourceVersion":"1","labels":{"a":"b"}}}""", "application/merge-patch+json");

        StatusAssert.Failure(HttpStatusCode.Conflict, "Conflict", response);
    }

    [Fact]
    public async Task Patch_Missing_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.PatchAsync(PodPath, "{}", "application/merge-patch+json");

        StatusAssert.Failure(HttpStatusCode.NotFound, "NotFound", response);
    }

    [Fact]
    public async Task Patch_UnknownContentType_Returns415()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web");

        var response = await session.PatchAsync(PodPath, "{}", "application/json");

        StatusAssert.Failure(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", response);
    }

    [Fact]
    public async Task Patch_ApplyYaml_CreatesThenMergesAndRecordsFieldManager()
    {
        await using var session = await EmulatorSession.StartAsync();
        const string Path = "/api/v1/namespaces/default/configmaps/settings?fieldManager=periscope";

        var (createdStatus, created) = await session.PatchAsync(Path, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: \"info\"\n", "application/apply-patch+yaml");
        var (updatedStatus, updated) = await session.PatchAsync(Path, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    team: ops\ndata:\n  size: '10'\n", "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.Created, createdStatus);
        Assert.Equal("info", (string?)created!["data"]!["level"]);
        Assert.Equal(HttpStatusCode.OK, updatedStatus);
        Assert.Equal("info", (string?)updated!["data"]!["level"]);
        Assert.Equal("10", (string?)updated["data"]!["size"]);
        Assert.Equal("ops", (string?)updated["metadata"]!["labels"]!["team"]);
        var manager = Assert.Single(updated["metadata"]!["managedFields"]!.AsArray());
        Assert.Equal("periscope", (string?)manager!["manager"]);
        Assert.Equal("Apply", (string?)manager["operation"]);
    }

    [Fact]
    public async Task Patch_ApplyWithoutFieldManager_Returns422()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.PatchAsync("/api/v1/namespaces/default/configmaps/settings", """{"metadata":{"name":"settings"}}""", "application/apply-patch+yaml");

        StatusAssert.Failure(HttpStatusCode.UnprocessableEntity, "Invalid", response);
    }

    [Fact]
    public async Task Patch_NoChange_KeepsResourceVersion()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreatePodAsync("default", "web", """{"app":"web"}""");

        var (_, body) = await session.PatchAsync(PodPath, """{"metadata":{"labels":{"app":"web"}}}""", "application/merge-patch+json");

        Assert.Equal((string?)created["metadata"]!["resourceVersion"], (string?)body!["metadata"]!["resourceVersion"]);
    }
}
