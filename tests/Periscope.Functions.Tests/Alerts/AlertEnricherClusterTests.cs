using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Alerts;
using Periscope.Kubernetes.Emulator;

namespace Periscope.Functions.Tests.Alerts;

/// <summary>
/// Container status and restarts read from the emulated API server over HTTPS (Alerts:UseKubernetes): the pod is
/// created through the API and its status written through the status subresource, as the kubelet writes it.
/// </summary>
public sealed class AlertEnricherClusterTests : IAsyncLifetime
{
    private const string Token = "enrich-tests-cluster-token";
    private const string Namespace = "shop";

    private readonly string _caFile = Path.Combine(Path.GetTempPath(), $"periscope-enrich-ca-{Guid.NewGuid():N}.pem");
    private KubernetesApiEmulator _api = null!;

    public async Task InitializeAsync()
    {
        _api = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { BearerToken = Token });
        await File.WriteAllTextAsync(_caFile, _api.CertificateAuthorityPem);
        using var kube = _api.CreateClient();
        using var ns = await kube.PostAsJsonAsync("/api/v1/namespaces", new { apiVersion = "v1", kind = "Namespace", metadata = new { name = Namespace } });
        Assert.Equal(HttpStatusCode.Created, ns.StatusCode);
        await CreateCrashLoopingPodAsync(kube, "orders-5d8f-abcde");
    }

    [Fact]
    public async Task EnrichAsync_CrashLoopingPod_ShowsWaitingReasonAndRestarts()
    {
        await using var host = await StartHostAsync(useKubernetes: true);

        var enrichment = await ReceiveAsync(host, "crashloop", ("pod", "orders-5d8f-abcde"));

        Assert.Equal("Waiting: CrashLoopBackOff", enrichment.GetProperty("containerStatus").GetString());
        Assert.Equal(7, enrichment.GetProperty("recentRestarts").GetInt32());
        var noticed = Assert.Single(Assert.Single(host.Notifier.For("crashloop")).Alerts).Enrichment;
        Assert.Equal(("Waiting: CrashLoopBackOff", 7), (noticed.ContainerStatus, noticed.RecentRestarts));
    }

    [Fact]
    public async Task EnrichAsync_ContainerLabel_DescribesThatContainer()
    {
        await using var host = await StartHostAsync(useKubernetes: true);

        var enrichment = await ReceiveAsync(host, "sidecar", ("pod", "orders-5d8f-abcde"), ("container", "periscope-sidecar"));

        Assert.Equal("Running", enrichment.GetProperty("containerStatus").GetString());
        Assert.Equal(1, enrichment.GetProperty("recentRestarts").GetInt32());
    }

    [Fact]
    public async Task EnrichAsync_PodMissing_StatusAndRestartsNull()
    {
        await using var host = await StartHostAsync(useKubernetes: true);

        var enrichment = await ReceiveAsync(host, "missing", ("pod", "orders-gone-00000"));

        Assert.Equal(JsonValueKind.Null, enrichment.GetProperty("containerStatus").ValueKind);
        Assert.Equal(JsonValueKind.Null, enrichment.GetProperty("recentRestarts").ValueKind);
    }

    [Fact]
    public async Task EnrichAsync_MorePodsThanTheLimit_ReadsOnlyTheFirstTwenty()
    {
        using (var kube = _api.CreateClient())
        {
            await Task.WhenAll(Enumerable.Range(0, PodStatusReader.MaxPods + 1).Select(i => CreateCrashLoopingPodAsync(kube, $"storm-{i}")));
        }

        await using var host = await StartHostAsync(useKubernetes: true);
        var alerts = Enumerable.Range(0, PodStatusReader.MaxPods + 1)
            .Select(i => AlertPayloads.Alert("KubePodCrashLooping", Namespace, index: i, extra: ("pod", $"storm-{i}")));
        using (var response = await host.PostPayloadAsync(AlertPayloads.Group("storm", alerts)))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var enrichments = Assert.Single(host.Notifier.For("storm")).Alerts.Select(alert => alert.Enrichment).ToList();
        Assert.Equal(PodStatusReader.MaxPods + 1, enrichments.Count);
        Assert.Equal(PodStatusReader.MaxPods, enrichments.Count(enrichment => enrichment.ContainerStatus == "Waiting: CrashLoopBackOff"));
    }

    [Fact]
    public async Task EnrichAsync_UseKubernetesOff_NullsAndNoClusterClient()
    {
        await using var host = await StartHostAsync(useKubernetes: false);

        var enrichment = await ReceiveAsync(host, "off", ("pod", "orders-5d8f-abcde"));

        // The pod exists and crash-loops, so a read would have filled both fields.
        Assert.Equal(JsonValueKind.Null, enrichment.GetProperty("containerStatus").ValueKind);
        Assert.Equal(JsonValueKind.Null, enrichment.GetProperty("recentRestarts").ValueKind);
        Assert.Null(host.App.Services.GetService<PodStatusReader>());
    }

    [Fact]
    public async Task AddAlerts_UseKubernetesWithoutConfiguration_FailsStartNamingTheSetting()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"periscope-enrich-no-kubeconfig-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AlertsHost.StartAsync(
            "--Alerts:UseKubernetes=true", $"--Kubernetes:KubeConfigPath={missing}"));

        Assert.Contains("Alerts:UseKubernetes", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        File.Delete(_caFile);
    }

    private Task<AlertsHost> StartHostAsync(bool useKubernetes) => AlertsHost.StartAsync(
        $"--Alerts:UseKubernetes={useKubernetes}",
        $"--Kubernetes:Server={_api.BaseAddress}",
        $"--Kubernetes:Token={Token}",
        $"--Kubernetes:CertificateAuthorityFile={_caFile}");

    /// <summary>
    /// An app container in CrashLoopBackOff after 7 restarts beside a running sidecar (an ordinary container, as before
    /// Kubernetes 1.29). Status goes through PUT .../status: a create's status is the server's, not the client's.
    /// </summary>
    private static async Task CreateCrashLoopingPodAsync(HttpClient kube, string name)
    {
        var pods = $"/api/v1/namespaces/{Namespace}/pods";
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(
                    new JsonObject { ["name"] = "orders", ["image"] = "registry.example/orders:1.4" },
                    new JsonObject { ["name"] = "periscope-sidecar", ["image"] = "registry.example/periscope-sidecar:1" }),
            },
        };
        using (var created = await kube.PostAsJsonAsync(pods, pod))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            pod = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        // kubectl get pod shows this one as CrashLoopBackOff; the sidecar sorts after "orders", as the kubelet sorts statuses by name.
        pod["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["containerStatuses"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "orders",
                    ["ready"] = false,
                    ["restartCount"] = 7,
                    ["image"] = "registry.example/orders:1.4",
                    ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CrashLoopBackOff", ["message"] = "back-off 5m0s restarting failed container=orders" } },
                    ["lastState"] = new JsonObject { ["terminated"] = new JsonObject { ["reason"] = "Error", ["exitCode"] = 1 } },
                },
                new JsonObject
                {
                    ["name"] = "periscope-sidecar",
                    ["ready"] = true,
                    ["restartCount"] = 1,
                    ["image"] = "registry.example/periscope-sidecar:1",
                    ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = "2026-11-22T08:00:00Z" } },
                }),
        };
        using var updated = await kube.PutAsJsonAsync($"{pods}/{name}/status", pod);
        Assert.True(updated.IsSuccessStatusCode, $"PUT status: {(int)updated.StatusCode} {await updated.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> ReceiveAsync(AlertsHost host, string groupKey, params (string Name, string Value)[] labels)
    {
        var alert = AlertPayloads.Alert("KubePodCrashLooping", Namespace, extra: labels);
        using (var response = await host.PostPayloadAsync(AlertPayloads.Group(groupKey, [alert])))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var id = Assert.Single(Assert.Single(host.Notifier.For(groupKey)).Alerts).Id;
        return (await host.GetJsonAsync($"/api/alerts/{id}")).GetProperty("enrichment");
    }
}
