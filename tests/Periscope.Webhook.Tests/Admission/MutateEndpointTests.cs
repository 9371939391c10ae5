using System.Text.Json.Nodes;
using Periscope.Webhook.Admission;
using Periscope.Webhook.Injection;
using Periscope.Webhook.Tests.Hosting;
using Periscope.Webhook.Tests.Injection;

namespace Periscope.Webhook.Tests.Admission;

/// <summary>/mutate over real HTTPS on loopback, as kube-apiserver calls it.</summary>
public sealed class MutateEndpointTests : IAsyncLifetime
{
    private WebhookTestServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await WebhookTestServer.StartAsync(["--Webhook:MaxRequestBodyBytes=65536"]);
        _client = _server.CreateHttpsClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Mutate_RealReviewWithAppPort_EchoesUidAndPatchApplies()
    {
        var review = AdmissionReviews.Real();
        var pod = review["request"]!["object"]!.AsObject();
        pod["metadata"]!["annotations"]!["periscope.dev/app-port"] = "80";

        var response = await WebhookTestServer.ReviewAsync(_client, review);

        Assert.Equal("1299d386-525b-4032-98ae-1949f69f9cfc", response["uid"]!.GetValue<string>());
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Equal("JSONPatch", response["patchType"]!.GetValue<string>());
        var patched = EmulatorPatching.Apply(pod, WebhookTestServer.Patch(response)!);
        var sidecar = TestPods.Sidecar(patched);
        Assert.Equal("Always", sidecar["restartPolicy"]!.GetValue<string>());
        Assert.Equal("80", TestPods.Env(sidecar, "APP_PORT"));
        Assert.Equal("nginx", TestPods.Env(sidecar, "APP_ID"));
        Assert.Null(response["warnings"]);
    }

    [Fact]
    public async Task Mutate_RealReviewWithoutPort_AllowsWithoutPatchAndWarns()
    {
        var response = await WebhookTestServer.ReviewAsync(_client, AdmissionReviews.Real());

        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["patch"]);
        Assert.Null(response["patchType"]);
        var warning = Assert.Single(response["warnings"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("periscope: sidecar not injected: no app port", warning, StringComparison.Ordinal);
        Assert.Contains("reason=\"no-app-port\",result=\"skipped\"", await _server.MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_ControllerPodWithGenerateNameOnly_UsesRequestNamespace()
    {
        var pod = TestPods.Pod(name: "unused");
        pod["metadata"] = new JsonObject { ["generateName"] = "orders-7d9f8b6c5-", ["labels"] = new JsonObject { ["app"] = "orders" } };

        var injected = await WebhookTestServer.ReviewAsync(_client, AdmissionReviews.ForPod(pod, "shop", name: ""));
        var system = await WebhookTestServer.ReviewAsync(_client, AdmissionReviews.ForPod(pod, "kube-system", name: ""));

        var patched = EmulatorPatching.Apply(pod, WebhookTestServer.Patch(injected)!);
        Assert.Equal("orders", TestPods.Env(TestPods.Sidecar(patched), "APP_ID"));
        Assert.Null(system["patch"]);
        Assert.Contains("reason=\"system-namespace\",result=\"skipped\"", await _server.MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_DryRun_InjectsAsUsual()
    {
        var review = AdmissionReviews.ForPod(TestPods.Pod());
        review["request"]!["dryRun"] = true;

        var response = await WebhookTestServer.ReviewAsync(_client, review);

        Assert.NotNull(WebhookTestServer.Patch(response));
    }

    [Theory]
    [InlineData("apps", "v1", "Deployment", "CREATE", null, "other-kind")]
    [InlineData("", "v1", "Pod", "UPDATE", null, "other-operation")]
    [InlineData("", "v1", "Pod", "DELETE", null, "other-operation")]
    [InlineData("", "v1", "Pod", "CREATE", "binding", "subresource")]
    [InlineData("", "v1", "Service", "CREATE", null, "other-kind")]
    public async Task Mutate_NotAPodCreation_AllowsWithoutPatch(string group, string version, string kind, string operation, string? subResource, string reason)
    {
        var review = AdmissionReviews.ForPod(TestPods.Pod(), uid: "uid-" + reason);
        var request = review["request"]!.AsObject();
        request["kind"] = AdmissionReviews.Gvk(group, version, kind);
        request["operation"] = operation;
        request["subResource"] = subResource;
        if (operation == "DELETE")
        {
            request["oldObject"] = request["object"]!.DeepClone();
            request["object"] = null;
        }

        var response = await WebhookTestServer.ReviewAsync(_client, review);

        Assert.Equal("uid-" + reason, response["uid"]!.GetValue<string>());
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["patch"]);
        Assert.Contains($"reason=\"{reason}\",result=\"not_pod\"", await _server.MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_HugeWarningValue_TruncatesWarning()
    {
        var pod = TestPods.Pod($"\"periscope.dev/sidecar-log-level\": \"{new string('x', 5000)}\"");

        var response = await WebhookTestServer.ReviewAsync(_client, AdmissionReviews.ForPod(pod));

        var warning = Assert.Single(response["warnings"]!.AsArray())!.GetValue<string>();
        Assert.Equal(256, warning.Length);
        Assert.StartsWith("periscope: periscope.dev/sidecar-log-level", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_Injection_CountedWithDurationHistogram()
    {
        await WebhookTestServer.ReviewAsync(_client, AdmissionReviews.ForPod(TestPods.Pod()));
        await WebhookTestServer.ReviewAsync(_client, AdmissionReviews.ForPod(TestPods.Pod()));

        var metrics = await _server.MetricsAsync();

        Assert.Contains("periscope_webhook_admissions_total{reason=\"native-sidecar\",result=\"injected\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("periscope_webhook_admission_duration_seconds_count{result=\"injected\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("periscope_webhook_admission_duration_seconds_bucket{result=\"injected\",le=\"+Inf\"} 2", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_OnPlainHttpPort_NotFound()
    {
        using var plain = _server.CreateHttpClient();

        var (status, contentType, _) = await WebhookTestServer.PostAsync(plain, AdmissionReviews.ForPod(TestPods.Pod()).ToJsonString());

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", contentType);
    }

    [Fact]
    public async Task HealthAndReadiness_PlainPort_Answer()
    {
        using var plain = _server.CreateHttpClient();

        Assert.Equal("ok\n", await plain.GetStringAsync("/healthz"));
        Assert.Equal("ok\n", await plain.GetStringAsync("/readyz"));
        Assert.Equal("ok\n", await _client.GetStringAsync("/readyz"));
    }

    [Fact]
    public void SkipReasons_All_AreLabelSafe()
    {
        // Every skip reason is a metric label value and a log field.
        var reasons = typeof(SkipReasons).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        Assert.Contains(SkipReasons.NoAppPort, reasons);
        Assert.All(reasons, r => Assert.Matches("^[a-z-]+$", r));
    }
}
