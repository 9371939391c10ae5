using System.Net;
using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Tests.Api;

public sealed class ApiHandlerUpdateTests
{
    [Fact]
    public async Task Update_WithCurrentResourceVersion_StoresAndBumpsGeneration()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("/apis/apps/v1/namespaces/default/deployments", """{"metadata":{"name":"api"},"spec":{"replicas":1}}""");
        created["spec"]!["replicas"] = 3;

        var (status, updated) = await session.PutAsync("/apis/apps/v1/namespaces/default/deployments/api", created.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, (int?)updated!["spec"]!["replicas"]);
        Assert.Equal(2, (int?)updated["metadata"]!["generation"]);
        Assert.Equal(created["metadata"]!["uid"]!.ToString(), (string?)updated["metadata"]!["uid"]);
        Assert.True(long.Parse((string)updated["metadata"]!["resourceVersion"]!) > long.Parse((string)created["metadata"]!["resourceVersion"]!));
    }

    [Fact]
    public async Task Update_WithStaleResourceVersion_Returns409Conflict()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"cfg"},"data":{"a":"1"}}""");
        var stale = created.ToJsonString();
        created["data"]!["a"] = "2";
        await session.PutAsync("/api/v1/namespaces/default/configmaps/cfg", created.ToJsonString());

        var response = await session.PutAsync("/api/v1/namespaces/default/configmaps/cfg", stale);

        StatusAssert.Failure(HttpStatusCode.Conflict, "Conflict", response);
        Assert.Equal(
            "Operation cannot be fulfilled on configmaps \"cfg\": the object has been modified; please apply your changes to the latest version and try again",
            (string?)response.Body!["message"]);
    }

    [Fact]
    public async Task Update_Missing_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.PutAsync("/api/v1/namespaces/default/configmaps/cfg", """{"metadata":{"name":"cfg"}}""");

        StatusAssert.Failure(HttpStatusCode.NotFound, "NotFound", response);
    }

    [Fact]
    public async Task Update_NameDiffersFromUrl_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateAsync("/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"cfg"}}""");

        var response = await session.PutAsync("/api/v1/namespaces/default/configmaps/cfg", """{"metadata":{"name":"other"}}""");

        StatusAssert.Failure(HttpStatusCode.BadRequest, "BadRequest", response);
    }

    [Fact]
    public async Task Update_StatusSubresource_ChangesOnlyStatus()
    {
        await using var session = await EmulatorSession.StartAsync();
        var pod = await session.CreatePodAsync("default", "web");
        pod["status"]!["phase"] = "Running";
        pod["spec"]!["nodeName"] = "ignored";

        var (_, updated) = await session.PutAsync("/api/v1/namespaces/default/pods/web/status", pod.ToJsonString());
        pod["status"]!["phase"] = "Failed";
        var (_, mainWrite) = await session.PutAsync("/api/v1/namespaces/default/pods/web", pod.ToJsonString().Replace("\"resourceVersion\"", "\"x\"", StringComparison.Ordinal));

        Assert.Equal("Running", (string?)updated!["status"]!["phase"]);
        Assert.Null(updated["spec"]!["nodeName"]);
        Assert.Equal("Running", (string?)mainWrite!["status"]!["phase"]);
    }

    [Fact]
    public async Task Delete_Pod_ReturnsTheObject()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web");

        var (status, body) = await session.DeleteAsync("/api/v1/namespaces/default/pods/web");
        var (after, _) = await session.GetAsync("/api/v1/namespaces/default/pods/web");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Pod", (string?)body!["kind"]);
        Assert.Equal(HttpStatusCode.NotFound, after);
    }

    [Fact]
    public async Task Delete_ConfigMap_ReturnsStatusSuccess()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"cfg"}}""");

        var (status, body) = await session.DeleteAsync("/api/v1/namespaces/default/configmaps/cfg");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Status", (string?)body!["kind"]);
        Assert.Equal("Success", (string?)body["status"]);
        Assert.Equal("cfg", (string?)body["details"]!["name"]);
        Assert.Equal("configmaps", (string?)body["details"]!["kind"]);
        Assert.Equal((string?)created["metadata"]!["uid"], (string?)body["details"]!["uid"]);
    }

    [Fact]
    public async Task Delete_Missing_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.DeleteAsync("/apis/apps/v1/namespaces/default/deployments/nope");

        StatusAssert.Failure(HttpStatusCode.NotFound, "NotFound", response);
        Assert.Equal("deployments.apps \"nope\" not found", (string?)response.Body!["message"]);
    }

    [Fact]
    public async Task Delete_Namespace_DeletesWhatIsInIt()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("team");
        await session.CreatePodAsync("team", "web");

        await session.DeleteAsync("/api/v1/namespaces/team");
        var (status, _) = await session.GetAsync("/api/v1/namespaces/team/pods/web");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
