using System.Net;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Periscope.Kubernetes.Emulator.Tests;

/// <summary>
/// The official .NET client (kubernetes-client/csharp, NuGet KubernetesClient) against the emulator, connected the way a
/// user connects it, through a kubeconfig: whatever it sends, reads or throws is what it does against a real API server,
/// so these check the emulator's wire format from outside, as the Dapr JavaScript SDK checks the sidecar's.
/// </summary>
public sealed class OfficialClientTests : IAsyncLifetime
{
    private const string Token = "official-client-token";

    private KubernetesApiEmulator _emulator = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { BearerToken = Token });
        var kubeconfig = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: emulator
              cluster:
                server: {_emulator.BaseAddress.AbsoluteUri.TrimEnd('/')}
                certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(_emulator.CertificateAuthorityPem))}
            users:
            - name: tester
              user:
                token: {Token}
            contexts:
            - name: emulator
              context:
                cluster: emulator
                user: tester
                namespace: default
            current-context: emulator
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
        _client = new k8s.Kubernetes(await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(stream));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Version_AndNamespaces_Read()
    {
        var version = await _client.Version.GetCodeAsync();
        var namespaces = await _client.CoreV1.ListNamespaceAsync();

        Assert.Equal("v1.30.0", version.GitVersion);
        Assert.Contains(namespaces.Items, item => item.Metadata.Name == "kube-system");
        Assert.False(string.IsNullOrEmpty(namespaces.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Pod_CreatedReadPatchedListedBySelectorAndDeleted()
    {
        var created = await _client.CoreV1.CreateNamespacedPodAsync(Pod("orders-1", "orders"), "default");
        var patch = new V1Patch("""{"metadata":{"labels":{"tier":"backend"}}}""", V1Patch.PatchType.MergePatch);

        var patched = await _client.CoreV1.PatchNamespacedPodAsync(patch, "orders-1", "default");
        var read = await _client.CoreV1.ReadNamespacedPodAsync("orders-1", "default");
        var selected = await _client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=orders,tier in (backend)");
        await _client.CoreV1.DeleteNamespacedPodAsync("orders-1", "default");
        var afterDelete = await _client.CoreV1.ListNamespacedPodAsync("default");

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotEqual(created.Metadata.ResourceVersion, patched.Metadata.ResourceVersion);
        Assert.Equal("backend", read.Metadata.Labels["tier"]);
        Assert.Equal("nginx", Assert.Single(read.Spec.Containers).Image);
        Assert.Equal("orders-1", Assert.Single(selected.Items).Metadata.Name);
        Assert.Empty(afterDelete.Items);
    }

    [Fact]
    public async Task MissingPod_ThrowsWithTheStatusBody()
    {
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedPodAsync("nobody", "default"));

        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(missing.Response.Content);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal("pods", status.Details.Kind);
    }

    [Fact]
    public async Task StaleUpdate_ThrowsConflict()
    {
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, "default");
        created.Data["a"] = "2";
        await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "default");
        created.Data["a"] = "3";

        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "default"));

        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
    }

    [Fact]
    public async Task Watch_SeesAddedModifiedAndDeleted()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var list = await _client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: timeout.Token);
        var events = new List<(WatchEventType, string)>();
        var watching = _client.CoreV1.WatchListNamespacedPodAsync("default", resourceVersion: list.Metadata.ResourceVersion, cancellationToken: timeout.Token);

        var changes = Task.Run(async () =>
        {
            await _client.CoreV1.CreateNamespacedPodAsync(Pod("watched", "watched"), "default", cancellationToken: timeout.Token);
            await _client.CoreV1.PatchNamespacedPodAsync(
                new V1Patch("""{"metadata":{"labels":{"step":"two"}}}""", V1Patch.PatchType.MergePatch), "watched", "default", cancellationToken: timeout.Token);
            await _client.CoreV1.DeleteNamespacedPodAsync("watched", "default", cancellationToken: timeout.Token);
        });
        await foreach (var (type, pod) in watching)
        {
            events.Add((type, pod.Metadata.Name));
            if (type == WatchEventType.Deleted)
            {
                break;
            }
        }

        await changes;
        Assert.Equal([(WatchEventType.Added, "watched"), (WatchEventType.Modified, "watched"), (WatchEventType.Deleted, "watched")], events);
    }

    [Fact]
    public async Task PrometheusRule_CreatedAndReadAsACustomObject()
    {
        var rule = new Dictionary<string, object>
        {
            ["apiVersion"] = "monitoring.coreos.com/v1",
            ["kind"] = "PrometheusRule",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "periscope-rules", ["labels"] = new Dictionary<string, string> { ["role"] = "alert-rules" } },
            ["spec"] = new Dictionary<string, object>
            {
                ["groups"] = new[] { new Dictionary<string, object> { ["name"] = "nodes", ["rules"] = new[] { new Dictionary<string, string> { ["alert"] = "HighCpu", ["expr"] = "up == 0" } } } },
            },
        };

        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(rule, "monitoring.coreos.com", "v1", "default", "prometheusrules");
        var read = (JsonElement)await _client.CustomObjects.GetNamespacedCustomObjectAsync("monitoring.coreos.com", "v1", "default", "prometheusrules", "periscope-rules");

        Assert.Equal("HighCpu", read.GetProperty("spec").GetProperty("groups")[0].GetProperty("rules")[0].GetProperty("alert").GetString());
    }

    [Fact]
    public async Task MutatingWebhookConfiguration_CaBundlePatchedAsJsonPatch()
    {
        await _client.AdmissionregistrationV1.CreateMutatingWebhookConfigurationAsync(new V1MutatingWebhookConfiguration
        {
            Metadata = new V1ObjectMeta { Name = "periscope" },
            Webhooks =
            [
                new V1MutatingWebhook
                {
                    Name = "inject.periscope.dev",
                    AdmissionReviewVersions = ["v1"],
                    SideEffects = "None",
                    FailurePolicy = "Ignore",
                    ClientConfig = new Admissionregistrationv1WebhookClientConfig
                    {
                        Service = new Admissionregistrationv1ServiceReference { Name = "periscope-webhook", NamespaceProperty = "periscope", Path = "/mutate" },
                    },
                },
            ],
        });
        var bundle = Convert.ToBase64String(Encoding.ASCII.GetBytes(_emulator.CertificateAuthorityPem));
        var patch = new V1Patch($$"""[{"op":"add","path":"/webhooks/0/clientConfig/caBundle","value":"{{bundle}}"}]""", V1Patch.PatchType.JsonPatch);

        await _client.AdmissionregistrationV1.PatchMutatingWebhookConfigurationAsync(patch, "periscope");
        var read = await _client.AdmissionregistrationV1.ReadMutatingWebhookConfigurationAsync("periscope");

        Assert.Equal(_emulator.CertificateAuthorityPem, Encoding.ASCII.GetString(read.Webhooks[0].ClientConfig.CaBundle));
    }

    [Fact]
    public async Task PodLog_Read()
    {
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("logged", "logged"), "default");
        _emulator.AppendLog("default", "logged", "app", "first line");
        _emulator.AppendLog("default", "logged", "app", "second line");

        await using var log = await _client.CoreV1.ReadNamespacedPodLogAsync("logged", "default", container: "app", tailLines: 1);
        using var reader = new StreamReader(log);

        Assert.Equal("second line", (await reader.ReadToEndAsync()).TrimEnd('\n'));
    }

    private static V1Pod Pod(string name, string app) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx" }] },
    };
}
