using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator;
using Periscope.Webhook.Injection;
using Periscope.Webhook.Tests.Hosting;

namespace Periscope.Webhook.Tests.Admission;

/// <summary>
/// The way a cluster runs it: the emulated API server calls the running webhook over HTTPS (trusting only the
/// caBundle) for pods created in a namespace labelled periscope.dev/inject=enabled, applies the patch, stores the pod;
/// the webhook learned the cluster's version from that API server's /version.
/// </summary>
public sealed class AdmissionEndToEndTests
{
    [Theory]
    [InlineData("v1.30.2", true)]
    [InlineData("v1.28.9", false)]
    public async Task CreatePod_LabelledNamespace_ReadBackInjected(string gitVersion, bool native)
    {
        WebhookTestServer? webhook = null;
        await using var api = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions
        {
            GitVersion = gitVersion,
            ResolveWebhookService = (_, _, _) => webhook!.HttpsAddress,
        });
        var caFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(caFile, api.CertificateAuthorityPem);
            webhook = await WebhookTestServer.StartAsync([$"--Kubernetes:Server={api.BaseAddress}", $"--Kubernetes:CertificateAuthorityFile={caFile}"]);
            await using var _ = webhook;
            using var http = api.CreateClient();
            await CreateAsync(http, "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations", Registration(webhook.Authority.CertificatePemBase64));
            await CreateAsync(http, "/api/v1/namespaces", Namespace("shop", enabled: true));
            await CreateAsync(http, "/api/v1/namespaces", Namespace("plain", enabled: false));

            var created = await CreateAsync(http, "/api/v1/namespaces/shop/pods", Pod());
            var plain = await CreateAsync(http, "/api/v1/namespaces/plain/pods", Pod());

            var name = created["metadata"]!["name"]!.GetValue<string>();
            var stored = await http.GetFromJsonAsync<JsonObject>($"/api/v1/namespaces/shop/pods/{name}");
            var list = native ? stored!["spec"]!["initContainers"] : stored!["spec"]!["containers"];
            var sidecar = Assert.Single(list!.AsArray(), c => c!["name"]!.GetValue<string>() == InjectionNames.SidecarContainer)!;
            Assert.Equal(native, sidecar["restartPolicy"]?.GetValue<string>() == "Always");
            Assert.Equal("injected", stored["metadata"]!["annotations"]![InjectionNames.StatusAnnotation]!.GetValue<string>());
            Assert.Null(plain["spec"]!["initContainers"]);
            Assert.Single(plain["spec"]!["containers"]!.AsArray());
            var call = Assert.Single(api.AdmissionCalls);
            Assert.Null(call.Error);
            Assert.Equal("shop", call.Review["request"]!["namespace"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    private static async Task<JsonObject> CreateAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static JsonObject Namespace(string name, bool enabled) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = enabled ? new JsonObject { ["periscope.dev/inject"] = "enabled" } : new JsonObject(),
        },
    };

    /// <summary>As a ReplicaSet controller creates it: generateName only, no namespace in metadata.</summary>
    private static JsonObject Pod() => JsonNode.Parse("""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": { "generateName": "orders-5d8c7b9f4-", "labels": { "app": "orders" } },
          "spec": { "containers": [ { "name": "web", "image": "nginx:1.27", "ports": [ { "containerPort": 8080 } ] } ] }
        }
        """)!.AsObject();

    /// <summary>What deploy/manifests registers, pointing at the test webhook's Service name.</summary>
    private static JsonObject Registration(string caBundle) => new()
    {
        ["apiVersion"] = "admissionregistration.k8s.io/v1",
        ["kind"] = "MutatingWebhookConfiguration",
        ["metadata"] = new JsonObject { ["name"] = "periscope-webhook" },
        ["webhooks"] = new JsonArray(new JsonObject
        {
            ["name"] = "inject.periscope.dev",
            ["admissionReviewVersions"] = new JsonArray("v1"),
            ["sideEffects"] = "None",
            ["failurePolicy"] = "Ignore",
            ["timeoutSeconds"] = 5,
            ["reinvocationPolicy"] = "IfNeeded",
            ["clientConfig"] = new JsonObject
            {
                ["service"] = new JsonObject { ["namespace"] = "periscope-system", ["name"] = "periscope-webhook", ["path"] = "/mutate", ["port"] = 443 },
                ["caBundle"] = caBundle,
            },
            ["rules"] = new JsonArray(new JsonObject
            {
                ["operations"] = new JsonArray("CREATE"),
                ["apiGroups"] = new JsonArray(""),
                ["apiVersions"] = new JsonArray("v1"),
                ["resources"] = new JsonArray("pods"),
            }),
            ["namespaceSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["periscope.dev/inject"] = "enabled" } },
        }),
    };
}
