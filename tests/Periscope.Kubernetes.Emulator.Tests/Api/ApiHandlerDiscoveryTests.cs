using System.Net;
using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Tests.Api;

public sealed class ApiHandlerDiscoveryTests
{
    [Fact]
    public async Task Discovery_Api_ListsV1()
    {
        await using var session = await EmulatorSession.StartAsync();

        var (_, body) = await session.GetAsync("/api");

        Assert.Equal("APIVersions", (string?)body!["kind"]);
        Assert.Equal("v1", (string?)body["versions"]![0]);
    }

    [Fact]
    public async Task Discovery_Apis_ListsEveryGroupWithPreferredVersion()
    {
        await using var session = await EmulatorSession.StartAsync();

        var (_, body) = await session.GetAsync("/apis");

        Assert.Equal("APIGroupList", (string?)body!["kind"]);
        var groups = body["groups"]!.AsArray().ToDictionary(g => (string)g!["name"]!, g => (string?)g!["preferredVersion"]!["groupVersion"]);
        Assert.Equal("apps/v1", groups["apps"]);
        Assert.Equal("discovery.k8s.io/v1", groups["discovery.k8s.io"]);
        Assert.Equal("admissionregistration.k8s.io/v1", groups["admissionregistration.k8s.io"]);
    }

    [Fact]
    public async Task Discovery_CoreV1_DescribesPodsAndSubresources()
    {
        await using var session = await EmulatorSession.StartAsync();

        var (_, body) = await session.GetAsync("/api/v1");

        Assert.Equal("APIResourceList", (string?)body!["kind"]);
        Assert.Equal("v1", (string?)body["groupVersion"]);
        var resources = body["resources"]!.AsArray().ToDictionary(r => (string)r!["name"]!, r => r!.AsObject());
        Assert.Equal("Pod", (string?)resources["pods"]["kind"]);
        Assert.True((bool)resources["pods"]["namespaced"]!);
        Assert.False((bool)resources["nodes"]["namespaced"]!);
        Assert.Contains("watch", resources["pods"]["verbs"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("pods/log", resources.Keys);
        Assert.Contains("pods/status", resources.Keys);
    }

    [Theory]
    [InlineData("/apis/apps/v1", "deployments", "Deployment")]
    [InlineData("/apis/apps/v1", "daemonsets", "DaemonSet")]
    [InlineData("/apis/discovery.k8s.io/v1", "endpointslices", "EndpointSlice")]
    [InlineData("/apis/admissionregistration.k8s.io/v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration")]
    [InlineData("/api/v1", "configmaps", "ConfigMap")]
    public async Task Discovery_GroupVersion_ServesKind(string path, string resource, string kind)
    {
        await using var session = await EmulatorSession.StartAsync();

        var (_, body) = await session.GetAsync(path);

        Assert.Contains(body!["resources"]!.AsArray(), r => (string?)r!["name"] == resource && (string?)r["kind"] == kind);
    }

    [Fact]
    public async Task Get_UnknownResource_Returns404Status()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.GetAsync("/apis/example.com/v1/widgets");

        StatusAssert.Failure(HttpStatusCode.NotFound, "NotFound", response);
        Assert.Equal("the server could not find the requested resource", (string?)response.Body!["message"]);
    }

    [Fact]
    public async Task Get_ExistingNamespace_ReturnsObjectWithKind()
    {
        await using var session = await EmulatorSession.StartAsync();

        var (status, body) = await session.GetAsync("/api/v1/namespaces/default");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Namespace", (string?)body!["kind"]);
        Assert.Equal("v1", (string?)body["apiVersion"]);
        Assert.Equal("Active", (string?)body["status"]!["phase"]);
        Assert.Equal("default", (string?)body["metadata"]!["labels"]!["kubernetes.io/metadata.name"]);
    }
}
