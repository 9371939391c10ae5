using System.Net;
using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Tests.Api;

public sealed class ApiHandlerListTests
{
    [Fact]
    public async Task List_Pods_ReturnsPodListWithResourceVersionAndBareItems()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "a");
        await session.CreatePodAsync("default", "b");

        var (status, body) = await session.GetAsync("/api/v1/namespaces/default/pods");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PodList", (string?)body!["kind"]);
        Assert.Equal("v1", (string?)body["apiVersion"]);
        Assert.Equal(session.Emulator.CurrentResourceVersion, (string?)body["metadata"]!["resourceVersion"]);
        Assert.Null(body["metadata"]!["continue"]);
        var items = body["items"]!.AsArray();
        Assert.Equal("a,b", string.Join(',', items.Select(i => (string?)i!["metadata"]!["name"])));
        Assert.All(items, i => Assert.Null(i!["kind"]));
    }

    [Fact]
    public async Task List_AllNamespaces_IncludesEveryNamespace()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("other");
        await session.CreatePodAsync("default", "a");
        await session.CreatePodAsync("other", "b");

        var (_, body) = await session.GetAsync("/api/v1/pods");
        var (_, deployments) = await session.GetAsync("/apis/apps/v1/deployments");

        Assert.Equal(2, body!["items"]!.AsArray().Count);
        Assert.Equal("DeploymentList", (string?)deployments!["kind"]);
        Assert.Equal("apps/v1", (string?)deployments["apiVersion"]);
        Assert.Empty(deployments["items"]!.AsArray());
    }

    [Theory]
    [InlineData("app=web", "p1,p2")]
    [InlineData("app==web,tier!=front", "p2")]
    [InlineData("app in (web,db)", "p1,p2,p3")]
    [InlineData("app notin (web)", "p3,p4")]
    [InlineData("tier", "p1,p3")]
    [InlineData("!tier", "p2,p4")]
    [InlineData("app in (web),!tier", "p2")]
    public async Task List_LabelSelector_Filters(string selector, string expected)
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "p1", """{"app":"web","tier":"front"}""");
        await session.CreatePodAsync("default", "p2", """{"app":"web"}""");
        await session.CreatePodAsync("default", "p3", """{"app":"db","tier":"back"}""");
        await session.CreatePodAsync("default", "p4");

        var (_, body) = await session.GetAsync($"/api/v1/namespaces/default/pods?labelSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(expected, string.Join(',', body!["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"])));
    }

    [Theory]
    [InlineData("metadata.name=p2", "p2")]
    [InlineData("metadata.name!=p2", "p1,p3")]
    [InlineData("spec.nodeName=node-1", "p1,p3")]
    [InlineData("status.phase=Running", "p3")]
    [InlineData("spec.nodeName=node-1,status.phase!=Running", "p1")]
    public async Task List_FieldSelector_Filters(string selector, string expected)
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateAsync("/api/v1/namespaces/default/pods", """{"metadata":{"name":"p1"},"spec":{"nodeName":"node-1","containers":[]}}""");
        await session.CreateAsync("/api/v1/namespaces/default/pods", """{"metadata":{"name":"p2"},"spec":{"nodeName":"node-2","containers":[]}}""");
        await session.CreateAsync("/api/v1/namespaces/default/pods", """{"metadata":{"name":"p3"},"spec":{"nodeName":"node-1","containers":[]},"status":{"phase":"Running"}}""");

        var (_, body) = await session.GetAsync($"/api/v1/namespaces/default/pods?fieldSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(expected, string.Join(',', body!["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"])));
    }

    [Fact]
    public async Task List_FieldSelectorOnUnsupportedField_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.GetAsync("/api/v1/namespaces/default/configmaps?fieldSelector=data.x%3Dy");

        StatusAssert.Failure(HttpStatusCode.BadRequest, "BadRequest", response);
        Assert.Equal("field label not supported: data.x", (string?)response.Body!["message"]);
    }

    [Fact]
    public async Task List_LimitAndContinue_PagesThroughEverythingOnce()
    {
        await using var session = await EmulatorSession.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await session.CreateAsync("/api/v1/namespaces/default/configmaps", $$$"""{"metadata":{"name":"cm-{{{i}}}"}}""");
        }

        var names = new List<string>();
        var (_, page) = await session.GetAsync("/api/v1/namespaces/default/configmaps?limit=2");
        var firstVersion = (string?)page!["metadata"]!["resourceVersion"];
        Assert.Equal(3, (int?)page["metadata"]!["remainingItemCount"]);
        var pages = 1;
        while (true)
        {
            names.AddRange(page!["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!));
            Assert.Equal(firstVersion, (string?)page["metadata"]!["resourceVersion"]);
            var token = (string?)page["metadata"]!["continue"];
            if (token is null)
            {
                break;
            }

            (_, page) = await session.GetAsync($"/api/v1/namespaces/default/configmaps?limit=2&continue={Uri.EscapeDataString(token)}");
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(["cm-0", "cm-1", "cm-2", "cm-3", "cm-4"], names);
    }

    [Fact]
    public async Task List_ContinueAfterCompaction_Returns410Expired()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "a");
        await session.CreatePodAsync("default", "b");
        var (_, page) = await session.GetAsync("/api/v1/namespaces/default/pods?limit=1");
        var token = (string)page!["metadata"]!["continue"]!;
        await session.CreatePodAsync("default", "c");
        session.Emulator.CompactHistory();

        var response = await session.GetAsync($"/api/v1/namespaces/default/pods?limit=1&continue={Uri.EscapeDataString(token)}");

        StatusAssert.Failure(HttpStatusCode.Gone, "Expired", response);
    }

    [Fact]
    public async Task List_MalformedContinue_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.GetAsync("/api/v1/namespaces/default/pods?continue=not-a-token");

        StatusAssert.Failure(HttpStatusCode.BadRequest, "BadRequest", response);
    }
}
