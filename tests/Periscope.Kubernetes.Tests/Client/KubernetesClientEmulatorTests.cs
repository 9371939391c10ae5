using System.Text;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Configuration;
using Periscope.Kubernetes.Emulator;
using Periscope.Kubernetes.Resources;
using Periscope.Kubernetes.Watching;

namespace Periscope.Kubernetes.Tests.Client;

// End to end: kubeconfig → resolved connection → HTTPS with the emulator's CA and bearer token → API verbs.
public sealed class KubernetesClientEmulatorTests
{
    private const string Token = "emulator-token";

    private static string KubeConfigFor(KubernetesApiEmulator api, string token) => $"""
        apiVersion: v1
        kind: Config
        current-context: emulator
        clusters:
        - name: emulator
          cluster:
            server: {api.BaseAddress}
            certificate-authority-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(api.CertificateAuthorityPem))}
        users:
        - name: admin
          user:
            token: {token}
        contexts:
        - name: emulator
          context:
            cluster: emulator
            user: admin
            namespace: shop
        """;

    private static KubernetesClient ClientFor(KubernetesApiEmulator api, TempDirectory dir, string token = Token)
    {
        var path = dir.Write("config", KubeConfigFor(api, token));
        return KubernetesClient.Create(KubernetesConfiguration.Resolve(new KubernetesClientOptions { KubeConfigPath = path }));
    }

    private static Pod NewPod(string name, string app) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new ObjectMeta { Name = name, Labels = new() { ["app"] = app } },
        Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "nginx:1.27" }] },
    };

    private static async Task<WatchEvent<Pod>> NextAsync(IAsyncEnumerator<WatchEvent<Pod>> events)
    {
        Assert.True(await events.MoveNextAsync());
        return events.Current;
    }

    [Fact]
    public async Task Verbs_AgainstEmulator_CreateGetListPatchWatchDelete()
    {
        await using var api = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { BearerToken = Token });
        using var dir = new TempDirectory();
        using var client = ClientFor(api, dir);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        Assert.Equal("shop", client.DefaultNamespace);

        await client.CreateAsync(KubernetesResources.Namespaces, new Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new ObjectMeta { Name = "shop" } }, cancellationToken: ct);
        var created = await client.CreateAsync(KubernetesResources.Pods, NewPod("web-1", "web"), client.DefaultNamespace, cancellationToken: ct);
        await client.CreateAsync(KubernetesResources.Pods, NewPod("db-1", "db"), client.DefaultNamespace, cancellationToken: ct);

        var fetched = await client.GetAsync(KubernetesResources.Pods, "web-1", "shop", ct);
        var listed = await client.ListAsync(KubernetesResources.Pods, "shop", new ListOptions { LabelSelector = "app=web" }, ct);

        Assert.Equal(created.Metadata.Uid, fetched.Metadata.Uid);
        Assert.Equal("nginx:1.27", fetched.Spec!.Containers[0].Image);
        Assert.Equal("web-1", Assert.Single(listed.Items).Metadata.Name);

        await using var events = client.WatchAsync(KubernetesResources.Pods, "shop", new WatchOptions { LabelSelector = "app=web" }, ct).GetAsyncEnumerator(ct);
        var added = await NextAsync(events);
        Assert.Equal(WatchEventType.Added, added.Type);
        Assert.Equal("web-1", added.Object!.Metadata.Name);
        Assert.Equal(WatchEventType.Synced, (await NextAsync(events)).Type);

        var patched = await client.PatchAsync(
            KubernetesResources.Pods, "web-1", "shop", PatchType.MergePatch, """{"metadata":{"labels":{"tier":"front"}}}""", cancellationToken: ct);
        Assert.Equal("front", patched.Metadata.Labels!["tier"]);

        var modified = await NextAsync(events);
        while (modified.Type == WatchEventType.Bookmark)
        {
            modified = await NextAsync(events);
        }

        Assert.Equal(WatchEventType.Modified, modified.Type);
        Assert.Equal("front", modified.Object!.Metadata.Labels!["tier"]);
        Assert.Equal(patched.Metadata.ResourceVersion, modified.ResourceVersion);

        await client.DeleteAsync(KubernetesResources.Pods, "web-1", "shop", cancellationToken: ct);

        var missing = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync(KubernetesResources.Pods, "web-1", "shop", ct));
        Assert.True(missing.IsNotFound);
        Assert.Null(await client.TryGetAsync(KubernetesResources.Pods, "web-1", "shop", ct));
        Assert.Equal("db-1", Assert.Single((await client.ListAsync(KubernetesResources.Pods, "shop", cancellationToken: ct)).Items).Metadata.Name);
    }

    [Fact]
    public async Task GetAsync_WrongToken_IsUnauthorized()
    {
        await using var api = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { BearerToken = Token });
        using var dir = new TempDirectory();
        using var client = ClientFor(api, dir, token: "wrong");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync(KubernetesResources.Namespaces, "default"));

        Assert.True(error.IsUnauthorized);
    }
}
