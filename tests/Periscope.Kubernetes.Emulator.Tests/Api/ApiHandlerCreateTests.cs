using System.Net;
using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Tests.Api;

public sealed class ApiHandlerCreateTests
{
    [Fact]
    public async Task Create_Pod_Returns201WithSystemFields()
    {
        await using var session = await EmulatorSession.StartAsync();

        var (status, body) = await session.PostAsync("/api/v1/namespaces/default/pods", """{"metadata":{"name":"web"},"spec":{"containers":[{"name":"app","image":"nginx"}]}}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Pod", (string?)body!["kind"]);
        Assert.Equal("v1", (string?)body["apiVersion"]);
        var metadata = body["metadata"]!;
        Assert.Equal("default", (string?)metadata["namespace"]);
        Assert.True(Guid.TryParse((string?)metadata["uid"], out _));
        Assert.True(long.TryParse((string?)metadata["resourceVersion"], out _));
        Assert.True(DateTimeOffset.TryParse((string?)metadata["creationTimestamp"], out _));
        Assert.EndsWith("Z", (string?)metadata["creationTimestamp"], StringComparison.Ordinal);
        Assert.Equal(1, (int?)metadata["generation"]);
        Assert.Equal("Pending", (string?)body["status"]!["phase"]);

        var (_, read) = await session.GetAsync("/api/v1/namespaces/default/pods/web");
        Assert.True(JsonNode.DeepEquals(body, read));
    }

    [Fact]
    public async Task Create_Existing_Returns409AlreadyExists()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web");

        var response = await session.PostAsync("/api/v1/namespaces/default/pods", """{"metadata":{"name":"web"},"spec":{"containers":[]}}""");

        StatusAssert.Failure(HttpStatusCode.Conflict, "AlreadyExists", response);
        Assert.Equal("pods \"web\" already exists", (string?)response.Body!["message"]);
        Assert.Equal("web", (string?)response.Body["details"]!["name"]);
        Assert.Equal("pods", (string?)response.Body["details"]!["kind"]);
    }

    [Fact]
    public async Task Create_ExistingDeployment_MessageNamesTheGroup()
    {
        await using var session = await EmulatorSession.StartAsync();
        const string Deployment = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api"},"spec":{"replicas":1}}""";
        await session.CreateAsync("/apis/apps/v1/namespaces/default/deployments", Deployment);

        var response = await session.PostAsync("/apis/apps/v1/namespaces/default/deployments", Deployment);

        StatusAssert.Failure(HttpStatusCode.Conflict, "AlreadyExists", response);
        Assert.Equal("deployments.apps \"api\" already exists", (string?)response.Body!["message"]);
        Assert.Equal("apps", (string?)response.Body["details"]!["group"]);
    }

    [Fact]
    public async Task Create_NoName_Returns422Invalid()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.PostAsync("/api/v1/namespaces/default/configmaps", """{"metadata":{},"data":{}}""");

        StatusAssert.Failure(HttpStatusCode.UnprocessableEntity, "Invalid", response);
        var cause = response.Body!["details"]!["causes"]![0]!;
        Assert.Equal("FieldValueRequired", (string?)cause["reason"]);
        Assert.Equal("metadata.name", (string?)cause["field"]);
        Assert.Equal("ConfigMap", (string?)response.Body["details"]!["kind"]);
    }

    [Theory]
    [InlineData("Web")]
    [InlineData("web_1")]
    [InlineData("-web")]
    [InlineData("web-")]
    public async Task Create_NameNotDns1123_Returns422Invalid(string name)
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.PostAsync("/api/v1/namespaces/default/pods", $$$"""{"metadata":{"name":"{{{name}}}"},"spec":{"containers":[]}}""");

        StatusAssert.Failure(HttpStatusCode.UnprocessableEntity, "Invalid", response);
        Assert.StartsWith($"Pod \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\": a lowercase RFC 1123 subdomain", (string?)response.Body!["message"], StringComparison.Ordinal);
        Assert.Equal("FieldValueInvalid", (string?)response.Body["details"]!["causes"]![0]!["reason"]);
    }

    [Fact]
    public async Task Create_NamespaceWithDot_Returns422BecauseNamespacesAreLabels()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.PostAsync("/api/v1/namespaces", """{"metadata":{"name":"team.a"}}""");

        StatusAssert.Failure(HttpStatusCode.UnprocessableEntity, "Invalid", response);
        Assert.Contains("RFC 1123 label", (string?)response.Body!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InMissingNamespace_Returns404ForTheNamespace()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.PostAsync("/api/v1/namespaces/ghost/pods", """{"metadata":{"name":"web"},"spec":{"containers":[]}}""");

        StatusAssert.Failure(HttpStatusCode.NotFound, "NotFound", response);
        Assert.Equal("namespaces \"ghost\" not found", (string?)response.Body!["message"]);
        Assert.Equal("namespaces", (string?)response.Body["details"]!["kind"]);
    }

    [Fact]
    public async Task Create_GenerateName_AppendsFiveCharacters()
    {
        await using var session = await EmulatorSession.StartAsync();

        var created = await session.CreateAsync("/api/v1/namespaces/default/pods", """{"metadata":{"generateName":"web-"},"spec":{"containers":[]}}""");

        var name = (string)created["metadata"]!["name"]!;
        Assert.Matches("^web-[bcdfghjklmnpqrstvwxz2456789]{5}$", name);
        Assert.Equal("web-", (string?)created["metadata"]!["generateName"]);
    }

    [Fact]
    public async Task Create_WrongKindInBody_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.PostAsync("/api/v1/namespaces/default/pods", """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"}}""");

        StatusAssert.Failure(HttpStatusCode.BadRequest, "BadRequest", response);
    }

    [Fact]
    public async Task Create_DryRunAll_StoresNothing()
    {
        await using var session = await EmulatorSession.StartAsync();

        var (status, _) = await session.PostAsync("/api/v1/namespaces/default/pods?dryRun=All", """{"metadata":{"name":"web"},"spec":{"containers":[]}}""");
        var (after, _) = await session.GetAsync("/api/v1/namespaces/default/pods/web");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.NotFound, after);
    }

    [Fact]
    public async Task Create_Several_ResourceVersionsIncreaseGlobally()
    {
        await using var session = await EmulatorSession.StartAsync();

        var a = await session.CreatePodAsync("default", "a");
        var b = await session.CreateAsync("/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"b"}}""");
        var c = await session.CreateAsync("/api/v1/nodes", """{"metadata":{"name":"node-1"}}""");

        var versions = new[] { a, b, c }.Select(o => long.Parse((string)o["metadata"]!["resourceVersion"]!)).ToArray();
        Assert.True(versions[0] < versions[1] && versions[1] < versions[2]);
        Assert.Null(c["metadata"]!["namespace"]);
    }
}
