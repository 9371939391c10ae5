using System.Text.Json;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Resources;

namespace Periscope.Kubernetes.Tests.Client;

public sealed class KubernetesClientTests
{
    // Shapes from the API reference (Pod v1) and API concepts ("Retrieving large results sets in chunks").
    private const string PodJson = """
        {"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-1","namespace":"shop","uid":"2f8e","resourceVersion":"1042",
        "labels":{"app":"web"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7c9f","uid":"9a1","controller":true}],
        "creationTimestamp":"2026-11-22T10:00:00Z","managedFields":[{"manager":"kubelet"}]},
        "spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80,"protocol":"TCP"}],
        "resources":{"limits":{"cpu":"500m"}}}],"nodeName":"node-a","dnsPolicy":"ClusterFirst"},
        "status":{"phase":"Running","podIP":"10.0.0.7","containerStatuses":[{"name":"web","ready":true,"restartCount":2,
        "state":{"running":{"startedAt":"2026-11-22T10:00:05Z"}}}]}}
        """;

    [Fact]
    public async Task GetAsync_Pod_ReadsTypedFieldsAndPath()
    {
        await using var server = await FakeApiServer.StartAsync(c => c.Response.WriteAsync(PodJson));
        using var client = TestClients.For(server);

        var pod = await client.GetAsync(KubernetesResources.Pods, "web-1", "shop");

        Assert.Equal("GET /api/v1/namespaces/shop/pods/web-1", Assert.Single(server.Requests));
        Assert.Equal("1042", pod.Metadata.ResourceVersion);
        Assert.Equal("web-7c9f", Assert.Single(pod.Metadata.OwnerReferences!).Name);
        Assert.Equal(80, pod.Spec!.Containers[0].Ports![0].Port);
        Assert.Equal(2, pod.Status!.ContainerStatuses![0].RestartCount);
        Assert.NotNull(pod.Status.ContainerStatuses[0].State!.Running);
    }

    [Fact]
    public async Task ReplaceAsync_AfterGet_KeepsUnmodelledFields()
    {
        string? sent = null;
        await using var server = await FakeApiServer.StartAsync(async c =>
        {
            if (c.Request.Method == "PUT")
            {
                sent = await new StreamReader(c.Request.Body).ReadToEndAsync();
                await c.Response.WriteAsync(sent);
                return;
            }

            await c.Response.WriteAsync(PodJson);
        });
        using var client = TestClients.For(server);
        var pod = await client.GetAsync(KubernetesResources.Pods, "web-1", "shop");
        pod.Metadata.Labels!["tier"] = "front";

        await client.ReplaceAsync(KubernetesResources.Pods, pod);

        using var body = JsonDocument.Parse(sent!);
        var root = body.RootElement;
        Assert.Equal("PUT /api/v1/namespaces/shop/pods/web-1", server.Requests.Last());
        Assert.Equal("500m", root.GetProperty("spec").GetProperty("containers")[0].GetProperty("resources").GetProperty("limits").GetProperty("cpu").GetString());
        Assert.Equal("ClusterFirst", root.GetProperty("spec").GetProperty("dnsPolicy").GetString());
        Assert.Equal("kubelet", root.GetProperty("metadata").GetProperty("managedFields")[0].GetProperty("manager").GetString());
        Assert.Equal("front", root.GetProperty("metadata").GetProperty("labels").GetProperty("tier").GetString());
        Assert.Equal("1042", root.GetProperty("metadata").GetProperty("resourceVersion").GetString());
    }

    [Fact]
    public async Task ListAllAsync_TwoPages_FollowsContinueWithSelectors()
    {
        await using var server = await FakeApiServer.StartAsync(c => c.Response.WriteAsync(c.Request.Query.ContainsKey("continue")
            ? """{"kind":"DeploymentList","apiVersion":"apps/v1","metadata":{"resourceVersion":"77"},"items":[{"metadata":{"name":"b","namespace":"x"}}]}"""
            : """{"kind":"DeploymentList","apiVersion":"apps/v1","metadata":{"resourceVersion":"77","continue":"ENCODED_CONTINUE_TOKEN","remainingItemCount":1},"items":[{"metadata":{"name":"a","namespace":"x"},"spec":{"replicas":3}}]}"""));
        using var client = TestClients.For(server);

        var names = new List<string>();
        await foreach (var d in client.ListAllAsync(KubernetesResources.Deployments, "x", new ListOptions { LabelSelector = "app in (a,b)", FieldSelector = "metadata.name!=c", Limit = 1 }))
        {
            names.Add(d.Metadata.Name!);
        }

        Assert.Equal(["a", "b"], names);
        Assert.Equal(
            [
                "GET /apis/apps/v1/namespaces/x/deployments?labelSelector=app%20in%20%28a%2Cb%29&fieldSelector=metadata.name%21%3Dc&limit=1",
                "GET /apis/apps/v1/namespaces/x/deployments?labelSelector=app%20in%20%28a%2Cb%29&fieldSelector=metadata.name%21%3Dc&limit=1&continue=ENCODED_CONTINUE_TOKEN",
            ],
            server.Requests);
    }

    [Fact]
    public async Task ListAsync_ClusterScopedAndAllNamespaces_BuildsPaths()
    {
        await using var server = await FakeApiServer.StartAsync(c => c.Response.WriteAsync("""{"metadata":{"resourceVersion":"5"},"items":[]}"""));
        using var client = TestClients.For(server);

        await client.ListAsync(KubernetesResources.Nodes);
        await client.ListAsync(KubernetesResources.EndpointSlices);
        await client.ListAsync(KubernetesResources.MutatingWebhookConfigurations, "ignored");

        Assert.Equal(
            ["GET /api/v1/nodes", "GET /apis/discovery.k8s.io/v1/endpointslices", "GET /apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations"],
            server.Requests);
    }

    [Fact]
    public async Task CreateAsync_ConfigMap_PostsWithApiVersionAndKind()
    {
        string? body = null;
        await using var server = await FakeApiServer.StartAsync(async c =>
        {
            body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            c.Response.StatusCode = 201;
            await c.Response.WriteAsync(body);
        });
        using var client = TestClients.For(server);

        var created = await client.CreateAsync(KubernetesResources.ConfigMaps, new ConfigMap { Metadata = new() { Name = "c" }, Data = new() { ["k"] = "v" } }, "ns", fieldManager: "periscope");

        Assert.Equal("POST /api/v1/namespaces/ns/configmaps?fieldManager=periscope", Assert.Single(server.Requests));
        Assert.Contains("\"apiVersion\":\"v1\"", body, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"ConfigMap\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("null", body, StringComparison.Ordinal);
        Assert.Equal("v", created.Data!["k"]);
    }

    [Theory]
    [InlineData("JsonPatch", "application/json-patch+json", "")]
    [InlineData("MergePatch", "application/merge-patch+json", "")]
    [InlineData("StrategicMergePatch", "application/strategic-merge-patch+json", "")]
    [InlineData("Apply", "application/apply-patch+yaml", "?fieldManager=periscope&force=true")]
    public async Task PatchAsync_EachType_SendsContentTypeAndQuery(string patchType, string contentType, string query)
    {
        var type = Enum.Parse<PatchType>(patchType);
        string? seen = null;
        await using var server = await FakeApiServer.StartAsync(c =>
        {
            seen = c.Request.ContentType;
            return c.Response.WriteAsync("""{"metadata":{"name":"hook"}}""");
        });
        using var client = TestClients.For(server);
        var options = type == PatchType.Apply ? new PatchOptions { FieldManager = "periscope", Force = true } : null;

        await client.PatchAsync(KubernetesResources.MutatingWebhookConfigurations, "hook", null, type, "{}", options);

        Assert.StartsWith(contentType, seen, StringComparison.Ordinal);
        Assert.Equal($"PATCH /apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/hook{query}", Assert.Single(server.Requests));
    }

    [Fact]
    public async Task DeleteAsync_WithPropagationPolicy_SendsDeleteOptions()
    {
        string? body = null;
        await using var server = await FakeApiServer.StartAsync(async c =>
        {
            body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            await c.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"web","group":"apps","kind":"deployments","uid":"1"}}""");
        });
        using var client = TestClients.For(server);

        await client.DeleteAsync(KubernetesResources.Deployments, "web", "shop", new DeleteOptions { PropagationPolicy = "Foreground" });

        Assert.Equal("DELETE /apis/apps/v1/namespaces/shop/deployments/web", Assert.Single(server.Requests));
        Assert.Contains("\"propagationPolicy\":\"Foreground\"", body, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"DeleteOptions\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPodLogsAsync_Follow_YieldsLinesAsTheyArrive()
    {
        var release = new TaskCompletionSource();
        await using var server = await FakeApiServer.StartAsync(async c =>
        {
            await c.Response.WriteAsync("2026-11-22T10:00:00Z first\n");
            await c.Response.Body.FlushAsync();
            await release.Task;
            await c.Response.WriteAsync("2026-11-22T10:00:01Z second\n");
        });
        using var client = TestClients.For(server);
        var options = new PodLogOptions { Follow = true, Container = "app", TailLines = 10, SinceSeconds = 60, Previous = true, Timestamps = true };

        await using var lines = client.ReadPodLogsAsync("shop", "web-1", options).GetAsyncEnumerator();
        Assert.True(await lines.MoveNextAsync());
        Assert.EndsWith("first", lines.Current, StringComparison.Ordinal);
        release.SetResult();
        Assert.True(await lines.MoveNextAsync());
        Assert.EndsWith("second", lines.Current, StringComparison.Ordinal);
        Assert.False(await lines.MoveNextAsync());
        Assert.Equal(
            "GET /api/v1/namespaces/shop/pods/web-1/log?container=app&follow=true&previous=true&timestamps=true&tailLines=10&sinceSeconds=60",
            Assert.Single(server.Requests));
    }
}
