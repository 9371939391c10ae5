using System.Text.Json.Nodes;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Tests.Injection;

public sealed class SidecarInjectorTests
{
    [Theory]
    [InlineData("kube-system", null, null, SkipReasons.SystemNamespace)]
    [InlineData("kube-public", null, null, SkipReasons.SystemNamespace)]
    [InlineData("shop", "\"periscope.dev/status\": \"injected\"", null, SkipReasons.AlreadyInjected)]
    [InlineData("shop", "\"periscope.dev/inject\": \"false\"", null, SkipReasons.OptedOut)]
    [InlineData("shop", "\"dapr.io/enabled\": \"true\"", null, SkipReasons.DaprEnabled)]
    [InlineData("shop", "\"dapr.io/enabled\": \"yes\"", null, SkipReasons.DaprEnabled)]
    [InlineData("shop", null, "\"hostNetwork\": true", SkipReasons.HostNetwork)]
    [InlineData("shop", null, "\"initContainers\": [ { \"name\": \"periscope-sidecar\", \"image\": \"x\" } ]", SkipReasons.AlreadyInjected)]
    public void Review_SkipRule_SkipsWithReason(string ns, string? annotations, string? spec, string reason)
    {
        var decision = SidecarInjector.Review(TestPods.Pod(annotations, extraSpec: spec), ns, TestPods.Context());

        Assert.False(decision.Inject);
        Assert.Null(decision.Patch);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void Review_NoContainers_SkipsInsteadOfThrowing()
    {
        var pod = JsonNode.Parse("""{ "metadata": { "name": "x" }, "spec": { "containers": [] } }""")!;

        Assert.Equal(SkipReasons.NoContainers, SidecarInjector.Review(pod, "shop", TestPods.Context()).Reason);
    }

    [Fact]
    public void Review_NoPortAnywhere_SkipsNoAppPort()
    {
        var pod = JsonNode.Parse("""{ "metadata": { "name": "x" }, "spec": { "containers": [ { "name": "a", "image": "perl" } ] } }""")!;

        var decision = SidecarInjector.Review(pod, "shop", TestPods.Context());

        Assert.Null(decision.Patch);
        Assert.Equal(SkipReasons.NoAppPort, decision.Reason);
        Assert.Contains("periscope.dev/app-port", Assert.Single(decision.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Review_OnlyUdpPortAndInvalidAnnotation_SkipsNoAppPortAndWarns()
    {
        var pod = JsonNode.Parse("""
            { "metadata": { "annotations": { "periscope.dev/app-port": "http" } },
              "spec": { "containers": [ { "name": "dns", "image": "coredns", "ports": [ { "containerPort": 53, "protocol": "UDP" } ] } ] } }
            """)!;

        var decision = SidecarInjector.Review(pod, "shop", TestPods.Context());

        Assert.Equal(SkipReasons.NoAppPort, decision.Reason);
        Assert.Equal(2, decision.Warnings.Count);
        Assert.Contains("\"http\" is not a port", decision.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("no app port", decision.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Review_NoContainerPortButAnnotation_InjectsWithAnnotatedPort()
    {
        var pod = JsonNode.Parse("""
            { "metadata": { "annotations": { "periscope.dev/app-port": "5000" } }, "spec": { "containers": [ { "name": "a", "image": "perl" } ] } }
            """)!.AsObject();

        var sidecar = TestPods.Sidecar(TestPods.Apply(pod, SidecarInjector.Review(pod, "shop", TestPods.Context())));

        Assert.Equal("5000", TestPods.Env(sidecar, "APP_PORT"));
    }

    [Fact]
    public void Review_DaprDisabledAndInjectTrue_Injects()
    {
        var pod = TestPods.Pod("\"dapr.io/enabled\": \"false\", \"periscope.dev/inject\": \"true\"");

        Assert.True(SidecarInjector.Review(pod, "shop", TestPods.Context()).Inject);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(35, true)]
    [InlineData(28, false)]
    public void Review_ClusterVersion_ChoosesNativeOrRegular(int minor, bool native)
    {
        var pod = TestPods.Pod(extraSpec: "\"initContainers\": [ { \"name\": \"migrate\", \"image\": \"busybox\" } ]");

        var patched = TestPods.Apply(pod, SidecarInjector.Review(pod, "shop", TestPods.Context(minor)));

        var init = patched["spec"]!["initContainers"]!.AsArray();
        if (native)
        {
            Assert.Equal(InjectionNames.SidecarContainer, init[0]!["name"]!.GetValue<string>());
            Assert.Equal("Always", init[0]!["restartPolicy"]!.GetValue<string>());
            Assert.Equal("migrate", init[1]!["name"]!.GetValue<string>());
        }
        else
        {
            Assert.Single(init);
            var last = patched["spec"]!["containers"]!.AsArray()[^1]!;
            Assert.Equal(InjectionNames.SidecarContainer, last["name"]!.GetValue<string>());
            Assert.Null(last["restartPolicy"]);
        }
    }

    [Fact]
    public void Review_NoInitContainersOrMaps_CreatesThem()
    {
        var pod = JsonNode.Parse("""{ "spec": { "containers": [ { "name": "a", "image": "nginx", "ports": [ { "containerPort": 80 } ] } ] } }""")!.AsObject();

        var patched = TestPods.Apply(pod, SidecarInjector.Review(pod, "shop", TestPods.Context()));

        Assert.Single(patched["spec"]!["initContainers"]!.AsArray());
        Assert.Equal("injected", patched["metadata"]!["annotations"]![InjectionNames.StatusAnnotation]!.GetValue<string>());
        Assert.Equal("true", patched["metadata"]!["labels"]![InjectionNames.InjectedLabel]!.GetValue<string>());
        Assert.Equal("3500", TestPods.Env(patched["spec"]!["containers"]![0]!.AsObject(), "DAPR_HTTP_PORT"));
    }

    [Fact]
    public void Review_DaprVariableAlreadySet_KeepsAppValue()
    {
        var pod = TestPods.Pod(extraSpec: "\"x\": 1");
        pod["spec"]!["containers"]![0]!["env"] = JsonNode.Parse("""[ { "name": "DAPR_HTTP_PORT", "value": "4000" } ]""");

        var patched = TestPods.Apply(pod, SidecarInjector.Review(pod, "shop", TestPods.Context()));

        var app = patched["spec"]!["containers"]![0]!.AsObject();
        Assert.Equal("4000", TestPods.Env(app, "DAPR_HTTP_PORT"));
        Assert.Single(app["env"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "DAPR_HTTP_PORT");
        Assert.Equal("http://127.0.0.1:3500", TestPods.Env(app, "DAPR_HTTP_ENDPOINT"));
    }

    [Fact]
    public void Review_Injects_SidecarHasEnvProbesPortsAndSecurity()
    {
        var pod = TestPods.Pod("\"periscope.dev/openapi-path\": \"/docs/openapi.json\"", "\"app\": \"orders\"");

        var sidecar = TestPods.Sidecar(TestPods.Apply(pod, SidecarInjector.Review(pod, "shop", TestPods.Context())));

        Assert.Equal("orders", TestPods.Env(sidecar, "APP_ID"));
        Assert.Equal("8080", TestPods.Env(sidecar, "APP_PORT"));
        Assert.Equal("web", TestPods.Env(sidecar, "PERISCOPE_APP_CONTAINER"));
        Assert.Equal("/docs/openapi.json", TestPods.Env(sidecar, "PERISCOPE_OPENAPI_PATH"));
        Assert.Equal("http://catalog.periscope.svc:7071", TestPods.Env(sidecar, "PERISCOPE_CATALOG_URL"));
        var env = sidecar["env"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>());
        Assert.Equal("status.podIP", env["POD_IP"]!["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        Assert.Equal("metadata.namespace", env["NAMESPACE"]!["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        Assert.Equal("metadata.name", env["POD_NAME"]!["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        Assert.Equal("periscope-report-token", env["PERISCOPE_CATALOG_TOKEN"]!["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
        Assert.Equal([3500, 3501, 9090], sidecar["ports"]!.AsArray().Select(p => p!["containerPort"]!.GetValue<int>()));
        Assert.Equal("/healthz", sidecar["startupProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/readyz", sidecar["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal(9090, sidecar["readinessProbe"]!["httpGet"]!["port"]!.GetValue<int>());
        var security = sidecar["securityContext"]!;
        Assert.True(security["runAsNonRoot"]!.GetValue<bool>());
        Assert.Equal(65532, security["runAsUser"]!.GetValue<long>());
        Assert.True(security["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.False(security["allowPrivilegeEscalation"]!.GetValue<bool>());
        Assert.Equal("ALL", security["capabilities"]!["drop"]![0]!.GetValue<string>());
        Assert.Equal("RuntimeDefault", security["seccompProfile"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Review_ValidOverrides_AppliesThem()
    {
        var pod = TestPods.Pod("""
            "periscope.dev/sidecar-image": "registry.local:5000/periscope/sidecar:2.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "periscope.dev/sidecar-cpu-request": "250m",
            "periscope.dev/sidecar-memory-limit": "16Mi",
            "periscope.dev/sidecar-log-level": "debug"
            """);

        var decision = SidecarInjector.Review(pod, "shop", TestPods.Context());
        var sidecar = TestPods.Sidecar(TestPods.Apply(pod, decision));

        Assert.Empty(decision.Warnings);
        Assert.StartsWith("registry.local:5000/periscope/sidecar:2.0@sha256:", sidecar["image"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("250m", sidecar["resources"]!["requests"]!["cpu"]!.GetValue<string>());
        Assert.Equal("16Mi", sidecar["resources"]!["limits"]!["memory"]!.GetValue<string>());
        Assert.Equal("16Mi", sidecar["resources"]!["requests"]!["memory"]!.GetValue<string>());
        Assert.Equal("Debug", TestPods.Env(sidecar, "Logging__LogLevel__Default"));
    }

    [Theory]
    [InlineData("periscope.dev/sidecar-image", "Not An Image!")]
    [InlineData("periscope.dev/sidecar-cpu-request", "lots")]
    [InlineData("periscope.dev/sidecar-memory-limit", "-5Mi")]
    [InlineData("periscope.dev/sidecar-log-level", "verbose")]
    [InlineData("periscope.dev/app-port", "70000")]
    public void Review_InvalidOverride_UsesDefaultAndWarns(string annotation, string value)
    {
        var pod = TestPods.Pod($"\"{annotation}\": \"{value}\"");

        var decision = SidecarInjector.Review(pod, "shop", TestPods.Context());
        var sidecar = TestPods.Sidecar(TestPods.Apply(pod, decision));

        var warning = Assert.Single(decision.Warnings);
        Assert.Contains(annotation, warning, StringComparison.Ordinal);
        Assert.Equal("ghcr.io/periscope/sidecar:1.0.0", sidecar["image"]!.GetValue<string>());
        Assert.Equal("10m", sidecar["resources"]!["requests"]!["cpu"]!.GetValue<string>());
        Assert.Equal("128Mi", sidecar["resources"]!["limits"]!["memory"]!.GetValue<string>());
        Assert.Equal("Information", TestPods.Env(sidecar, "Logging__LogLevel__Default"));
        Assert.Equal("8080", TestPods.Env(sidecar, "APP_PORT"));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("4", null, "4")]
    [InlineData(null, "2500m", "3")]
    [InlineData(null, "100m", "1")]
    [InlineData("1", "4", "1")]
    public void Review_SocketThreads_FromAnnotationElseCpuLimitElseSidecarDefault(string? annotation, string? cpuLimit, string? expected)
    {
        var pod = TestPods.Pod(annotation is null ? null : $"\"periscope.dev/sidecar-socket-threads\": \"{annotation}\"");
        var context = TestPods.Context() with { Options = TestPods.Context().Options with { CpuLimit = cpuLimit } };

        var decision = SidecarInjector.Review(pod, "shop", context);
        var sidecar = TestPods.Sidecar(TestPods.Apply(pod, decision));

        Assert.Empty(decision.Warnings);
        Assert.Equal(expected, TestPods.Env(sidecar, "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT"));
    }

    [Theory]
    [InlineData("0", null, null)]
    [InlineData("65", null, null)]
    [InlineData("-1", null, null)]
    [InlineData("two", "2", "2")]
    [InlineData("1.5", "2", "2")]
    public void Review_InvalidSocketThreads_WarnsAndFallsBack(string annotation, string? cpuLimit, string? expected)
    {
        var pod = TestPods.Pod($"\"periscope.dev/sidecar-socket-threads\": \"{annotation}\"");
        var context = TestPods.Context() with { Options = TestPods.Context().Options with { CpuLimit = cpuLimit } };

        var decision = SidecarInjector.Review(pod, "shop", context);
        var sidecar = TestPods.Sidecar(TestPods.Apply(pod, decision));

        var warning = Assert.Single(decision.Warnings);
        Assert.Contains("periscope.dev/sidecar-socket-threads", warning, StringComparison.Ordinal);
        Assert.Contains($"using {expected ?? "1"}", warning, StringComparison.Ordinal);
        Assert.Equal(expected, TestPods.Env(sidecar, "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT"));
    }

    [Fact]
    public void Review_KeysNeedingEscapes_PatchAddsBesideThem()
    {
        // Annotation keys: an optional DNS-subdomain prefix, '/', then [A-Za-z0-9._-] (Kubernetes object names docs);
        // '~' appears in none, but the pointer must still escape it (RFC 6901 §3).
        const string annotations = "\"a.b-c_d.example.com/Weird.Key-1_x\": \"v\", \"odd~1key\": \"t\", \"plain\": \"p\"";
        var pod = TestPods.Pod(annotations, "\"app.kubernetes.io/name\": \"Orders_API.v2\"");

        var decision = SidecarInjector.Review(pod, "shop", TestPods.Context());
        var patched = TestPods.Apply(pod, decision);

        Assert.Contains(decision.Patch!, op => op!["path"]!.GetValue<string>() == "/metadata/annotations/periscope.dev~1status");
        Assert.Contains(decision.Patch!, op => op!["path"]!.GetValue<string>() == "/metadata/labels/periscope.dev~1injected");
        var result = patched["metadata"]!["annotations"]!.AsObject();
        Assert.Equal(4, result.Count);
        Assert.Equal("t", result["odd~1key"]!.GetValue<string>());
        Assert.Equal("orders-api-v2", TestPods.Env(TestPods.Sidecar(patched), "APP_ID"));
    }

    [Theory]
    [InlineData("periscope.dev/status", "/metadata/annotations/periscope.dev~1status")]
    [InlineData("a~b/c", "/metadata/annotations/a~0b~1c")]
    [InlineData("~1", "/metadata/annotations/~01")]
    public void Escape_SpecialCharacters_FollowsRfc6901(string key, string expected) =>
        Assert.Equal(expected, "/metadata/annotations/" + JsonPointer.Escape(key));
}
