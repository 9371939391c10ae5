using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Emulator;
using Periscope.Kubernetes.Resources;
using Periscope.Webhook.Tls;

namespace Periscope.Webhook.Tests.Tls;

public sealed class CertificateBootstrapperTests : IAsyncLifetime
{
    private const string Namespace = "periscope-system";
    private const string ConfigurationName = "periscope-webhook";
    private const string ServiceHost = "periscope-webhook.periscope-system.svc";

    private KubernetesApiEmulator _api = null!;
    private HttpClient _http = null!;
    private KubernetesClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await KubernetesApiEmulator.StartAsync();
        _http = _api.CreateClient();
        _client = new KubernetesClient(_http, _api.BaseAddress);
        await _client.CreateAsync(KubernetesResources.Namespaces, new Namespace { Metadata = new ObjectMeta { Name = Namespace } });
    }

    [Fact]
    public async Task Start_Bootstrap_PatchesEveryCaBundleAndServesACertificateItVerifies()
    {
        await CreateWebhookConfigurationAsync(webhooks: 2);
        await using var host = await TlsTestHost.StartAsync(
            new Dictionary<string, string?> { ["Tls:Mode"] = "Bootstrap", ["Tls:Bootstrap:Namespace"] = Namespace },
            services => services.AddSingleton(_client));

        await WaitUntilAsync(() => host.Status.IsReady, () => host.Status.Problem);

        var configuration = await _client.GetAsync(KubernetesResources.MutatingWebhookConfigurations, ConfigurationName);
        var bundles = configuration.Webhooks!.Select(w => Encoding.ASCII.GetString(w.ClientConfig.CaBundle!)).Distinct().ToList();
        var bundle = Assert.Single(bundles);
        var trust = new X509Certificate2Collection();
        trust.ImportFromPem(bundle);

        // What kube-apiserver does: trust only the caBundle and check the name {service}.{namespace}.svc.
        var served = await TlsHandshake.ServerCertificateAsync(host.Port, ServiceHost, trust);
        Assert.Equal(trust[0].Subject, served.Issuer);
        await Assert.ThrowsAnyAsync<System.Security.Authentication.AuthenticationException>(
            () => TlsHandshake.ServerCertificateAsync(host.Port, "other.periscope-system.svc", trust));
    }

    [Fact]
    public async Task RunOnce_TwoReplicas_ShareOneCaFromTheSecret()
    {
        await CreateWebhookConfigurationAsync(webhooks: 1);
        var (first, firstStore) = Bootstrapper();
        var (second, secondStore) = Bootstrapper();

        await first.RunOnceAsync(CancellationToken.None);
        await second.RunOnceAsync(CancellationToken.None);

        var secret = await _client.GetAsync(KubernetesResources.Secrets, "periscope-webhook-ca", Namespace);
        Assert.Equal("kubernetes.io/tls", secret.Type);
        var configuration = await _client.GetAsync(KubernetesResources.MutatingWebhookConfigurations, ConfigurationName);
        Assert.Equal(secret.Data!["tls.crt"], configuration.Webhooks![0].ClientConfig.CaBundle);
        using var ca = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(secret.Data["tls.crt"]));
        Assert.Equal(ca.Subject, firstStore.Current!.Issuer);
        Assert.Equal(ca.Subject, secondStore.Current!.Issuer);
        Assert.NotEqual(firstStore.Current.SerialNumber, secondStore.Current.SerialNumber);
        Assert.True(firstStore.IsReady && secondStore.IsReady);
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task RunOnce_CaBundleAlreadyCurrent_DoesNotPatchAgain()
    {
        await CreateWebhookConfigurationAsync(webhooks: 1);
        using var bootstrapper = Bootstrapper().Bootstrapper;
        await bootstrapper.RunOnceAsync(CancellationToken.None);
        var before = (await _client.GetAsync(KubernetesResources.MutatingWebhookConfigurations, ConfigurationName)).Metadata.ResourceVersion;

        await bootstrapper.RunOnceAsync(CancellationToken.None);

        Assert.Equal(before, (await _client.GetAsync(KubernetesResources.MutatingWebhookConfigurations, ConfigurationName)).Metadata.ResourceVersion);
    }

    [Fact]
    public async Task RunOnce_NoWebhookConfiguration_ThrowsAndStaysNotReady()
    {
        var (bootstrapper, store) = Bootstrapper();
        using (bootstrapper)
        {
            var error = await Assert.ThrowsAsync<KubernetesApiException>(() => bootstrapper.RunOnceAsync(CancellationToken.None));

            Assert.True(error.IsNotFound);
            Assert.False(store.IsReady);
        }
    }

    [Fact]
    public void Patch_TwoStaleWebhooks_TestsTheResourceVersionFirst()
    {
        var patch = JsonNode.Parse(CaBundlePatcher.Patch("42", [0, 2], "PEM"u8.ToArray()))!.AsArray();

        Assert.Equal("""{"op":"test","path":"/metadata/resourceVersion","value":"42"}""", patch[0]!.ToJsonString());
        Assert.Equal("/webhooks/2/clientConfig/caBundle", patch[2]!["path"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String("PEM"u8), patch[2]!["value"]!.GetValue<string>());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private (CertificateBootstrapper Bootstrapper, ServingCertificateStore Store) Bootstrapper()
    {
        var store = new ServingCertificateStore();
        var options = Options.Create(new TlsOptions { Mode = TlsMode.Bootstrap, Bootstrap = new TlsBootstrapOptions { Namespace = Namespace } });
        return (new CertificateBootstrapper(_client, options, store, TimeProvider.System, NullLogger<CertificateBootstrapper>.Instance), store);
    }

    private async Task CreateWebhookConfigurationAsync(int webhooks)
    {
        var list = new JsonArray();
        for (var i = 0; i < webhooks; i++)
        {
            list.Add(new JsonObject
            {
                ["name"] = $"inject{i}.periscope.dev",
                ["admissionReviewVersions"] = new JsonArray("v1"),
                ["sideEffects"] = "None",
                ["clientConfig"] = new JsonObject
                {
                    ["service"] = new JsonObject { ["name"] = "periscope-webhook", ["namespace"] = Namespace, ["path"] = "/mutate" },
                },
            });
        }

        var body = new JsonObject
        {
            ["apiVersion"] = "admissionregistration.k8s.io/v1",
            ["kind"] = "MutatingWebhookConfiguration",
            ["metadata"] = new JsonObject { ["name"] = ConfigurationName },
            ["webhooks"] = list,
        };
        using var response = await _http.PostAsJsonAsync("apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations", body);
        response.EnsureSuccessStatusCode();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string?> problem)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not ready after 15 s: {problem()}");
            await Task.Yield();
        }
    }
}
