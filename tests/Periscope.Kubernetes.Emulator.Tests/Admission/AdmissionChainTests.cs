using System.Net;
using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Security;

namespace Periscope.Kubernetes.Emulator.Tests.Admission;

public sealed class AdmissionChainTests
{
    private const string AddLabel = """[{"op":"add","path":"/metadata/labels/injected","value":"true"}]""";

    [Fact]
    public async Task CreatePod_MatchingWebhook_SendsReviewAndAppliesPatch()
    {
        await using var hook = await TestWebhookServer.StartAsync(r => Task.FromResult(TestWebhookServer.Allow(r, AddLabel)));
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("apps", """{"periscope.dev/inject":"enabled"}""");
        await RegisterAsync(session, Webhook("inject.periscope.dev", hook, "Fail"));

        var pod = await session.CreatePodAsync("apps", "web", """{"app":"web"}""");

        Assert.Equal("true", (string?)pod["metadata"]!["labels"]!["injected"]);
        var review = Assert.Single(hook.Reviews);
        Assert.Equal("admission.k8s.io/v1", (string?)review["apiVersion"]);
        Assert.Equal("AdmissionReview", (string?)review["kind"]);
        var request = review["request"]!;
        Assert.True(Guid.TryParse((string?)request["uid"], out _));
        Assert.Equal("Pod", (string?)request["kind"]!["kind"]);
        Assert.Equal("", (string?)request["kind"]!["group"]);
        Assert.Equal("pods", (string?)request["resource"]!["resource"]);
        Assert.Equal("Pod", (string?)request["requestKind"]!["kind"]);
        Assert.Equal("apps", (string?)request["namespace"]);
        Assert.Equal("web", (string?)request["name"]);
        Assert.Equal("CREATE", (string?)request["operation"]);
        Assert.Equal("kubernetes-admin", (string?)request["userInfo"]!["username"]);
        Assert.Equal("web", (string?)request["object"]!["metadata"]!["labels"]!["app"]);
        Assert.Equal("Pod", (string?)request["object"]!["kind"]);
        Assert.False((bool)request["dryRun"]!);
        Assert.Equal("CreateOptions", (string?)request["options"]!["kind"]);
        var call = Assert.Single(session.Emulator.AdmissionCalls);
        Assert.Equal("inject.periscope.dev", call.Webhook);
        Assert.Equal("periscope", call.Configuration);
        Assert.Null(call.Error);
    }

    [Fact]
    public async Task CreatePod_NamespaceNotSelected_DoesNotCall()
    {
        await using var hook = await TestWebhookServer.StartAsync(r => Task.FromResult(TestWebhookServer.Allow(r, AddLabel)));
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("plain");
        await RegisterAsync(session, Webhook("inject.periscope.dev", hook, "Fail"));

        var pod = await session.CreatePodAsync("plain", "web");

        Assert.Null(pod["metadata"]!["labels"]!["injected"]);
        Assert.Empty(hook.Reviews);
    }

    [Fact]
    public async Task CreatePod_ObjectSelectorExcludes_DoesNotCall()
    {
        await using var hook = await TestWebhookServer.StartAsync(r => Task.FromResult(TestWebhookServer.Allow(r, AddLabel)));
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("apps", """{"periscope.dev/inject":"enabled"}""");
        var webhook = Webhook("inject.periscope.dev", hook, "Fail");
        webhook["objectSelector"] = JsonNode.Parse("""{"matchExpressions":[{"key":"periscope.dev/inject","operator":"NotIn","values":["false"]}]}""");
        await RegisterAsync(session, webhook);

        await session.CreatePodAsync("apps", "skipped", """{"periscope.dev/inject":"false"}""");
        await session.CreatePodAsync("apps", "taken");

        Assert.Equal("taken", (string?)Assert.Single(hook.Reviews)["request"]!["name"]);
    }

    [Fact]
    public async Task CreateConfigMap_RulesForPodsOnly_DoesNotCall()
    {
        await using var hook = await TestWebhookServer.StartAsync(r => Task.FromResult(TestWebhookServer.Allow(r)));
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("apps", """{"periscope.dev/inject":"enabled"}""");
        await RegisterAsync(session, Webhook("inject.periscope.dev", hook, "Fail"));

        await session.CreateAsync("/api/v1/namespaces/apps/configmaps", """{"metadata":{"name":"cfg"}}""");

        Assert.Empty(hook.Reviews);
    }

    [Fact]
    public async Task CreatePod_WebhookDenies_ReturnsStatusWithWebhookMessage()
    {
        await using var hook = await TestWebhookServer.StartAsync(r =>
        {
            var answer = TestWebhookServer.Allow(r);
            answer["response"]!["allowed"] = false;
            answer["response"]!["status"] = new JsonObject { ["code"] = 403, ["message"] = "no sidecar for you" };
            return Task.FromResult(answer);
        });
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("apps", """{"periscope.dev/inject":"enabled"}""");
        await RegisterAsync(session, Webhook("inject.periscope.dev", hook, "Ignore"));

        var response = await session.PostAsync("/api/v1/namespaces/apps/pods", """{"metadata":{"name":"web"},"spec":{"containers":[]}}""");
        var (stored, _) = await session.GetAsync("/api/v1/namespaces/apps/pods/web");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("Failure", (string?)response.Body!["status"]);
        Assert.Equal("admission webhook \"inject.periscope.dev\" denied the request: no sidecar for you", (string?)response.Body["message"]);
        Assert.Equal(HttpStatusCode.NotFound, stored);
    }

    [Fact]
    public async Task CreatePod_CaBundleOfAnotherCaWithIgnore_AdmitsUnchangedAndRecordsTheError()
    {
        await using var hook = await TestWebhookServer.StartAsync(r => Task.FromResult(TestWebhookServer.Allow(r, AddLabel)));
        using var stranger = TestCertificateAuthority.Create("stranger");
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("apps", """{"periscope.dev/inject":"enabled"}""");
        var webhook = Webhook("inject.periscope.dev", hook, "Ignore");
        webhook["clientConfig"]!["caBundle"] = stranger.CertificatePemBase64;
        await RegisterAsync(session, webhook);

        var pod = await session.CreatePodAsync("apps", "web");

        Assert.Null(pod["metadata"]!["labels"]!["injected"]);
        Assert.Empty(hook.Reviews);
        var call = Assert.Single(session.Emulator.AdmissionCalls);
        Assert.StartsWith("failed calling webhook \"inject.periscope.dev\"", call.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePod_UnreachableWithFail_Returns500FailedCallingWebhook()
    {
        await using var hook = await TestWebhookServer.StartAsync(r => Task.FromResult(TestWebhookServer.Allow(r)));
        using var stranger = TestCertificateAuthority.Create("stranger");
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("apps", """{"periscope.dev/inject":"enabled"}""");
        var webhook = Webhook("inject.periscope.dev", hook, "Fail");
        webhook["clientConfig"]!["caBundle"] = stranger.CertificatePemBase64;
        await RegisterAsync(session, webhook);

        var response = await session.PostAsync("/api/v1/namespaces/apps/pods", """{"metadata":{"name":"web"},"spec":{"containers":[]}}""");

        StatusAssert.Failure(HttpStatusCode.InternalServerError, "InternalError", response);
        Assert.StartsWith("Internal error occurred: failed calling webhook \"inject.periscope.dev\"", (string?)response.Body!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePod_WebhookSlowerThanTimeoutWithIgnore_AdmitsUnchanged()
    {
        var never = new TaskCompletionSource<JsonObject>();
        await using var hook = await TestWebhookServer.StartAsync(_ => never.Task);
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("apps", """{"periscope.dev/inject":"enabled"}""");
        var webhook = Webhook("inject.periscope.dev", hook, "Ignore");
        webhook["timeoutSeconds"] = 1;
        await RegisterAsync(session, webhook);

        try
        {
            var pod = await session.CreatePodAsync("apps", "web");

            Assert.Null(pod["metadata"]!["labels"]!["injected"]);
            Assert.Contains("Timeout", Assert.Single(session.Emulator.AdmissionCalls).Error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            // Lets the webhook's request finish so its server stops at once.
            never.SetResult(TestWebhookServer.Allow(JsonNode.Parse("""{"request":{"uid":"x"}}""")!.AsObject()));
        }
    }

    [Fact]
    public async Task CreatePod_ServiceReference_ResolvedToLoopbackWithServiceTlsName()
    {
        await using var hook = await TestWebhookServer.StartAsync(r => Task.FromResult(TestWebhookServer.Allow(r, AddLabel)));
        await using var session = await EmulatorSession.StartAsync(new KubernetesApiEmulatorOptions
        {
            ResolveWebhookService = (ns, name, port) => ns == "periscope" && name == "hook" && port == 443 ? hook.BaseAddress : throw new InvalidOperationException("unexpected service"),
        });
        await session.CreateNamespaceAsync("apps", """{"periscope.dev/inject":"enabled"}""");
        var webhook = Webhook("inject.periscope.dev", hook, "Fail");
        webhook["clientConfig"] = new JsonObject
        {
            ["service"] = new JsonObject { ["namespace"] = "periscope", ["name"] = "hook", ["path"] = "/mutate" },
            ["caBundle"] = hook.Authority.CertificatePemBase64,
        };
        await RegisterAsync(session, webhook);

        var pod = await session.CreatePodAsync("apps", "web");

        Assert.Equal("true", (string?)pod["metadata"]!["labels"]!["injected"]);
        Assert.Equal("/mutate", Assert.Single(session.Emulator.AdmissionCalls).Url.AbsolutePath);
    }

    [Fact]
    public async Task CreatePod_ReinvocationIfNeeded_CallsEarlierWebhookAgainAfterLaterMutation()
    {
        await using var first = await TestWebhookServer.StartAsync(r => Task.FromResult(TestWebhookServer.Allow(r)));
        await using var second = await TestWebhookServer.StartAsync(r => Task.FromResult(TestWebhookServer.Allow(r, AddLabel)));
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateNamespaceAsync("apps", """{"periscope.dev/inject":"enabled"}""");
        var a = Webhook("a.periscope.dev", first, "Fail");
        a["reinvocationPolicy"] = "IfNeeded";
        await RegisterAsync(session, a, "a-config");
        await RegisterAsync(session, Webhook("b.periscope.dev", second, "Fail"), "b-config");

        await session.CreatePodAsync("apps", "web");

        Assert.Equal(["a.periscope.dev", "b.periscope.dev", "a.periscope.dev"], session.Emulator.AdmissionCalls.Select(c => c.Webhook).ToArray());
        Assert.True(session.Emulator.AdmissionCalls[2].Reinvocation);
        Assert.Equal("true", (string?)first.Reviews.Last()["request"]!["object"]!["metadata"]!["labels"]!["injected"]);
    }

    private static JsonObject Webhook(string name, TestWebhookServer hook, string failurePolicy) => new()
    {
        ["name"] = name,
        ["admissionReviewVersions"] = new JsonArray("v1"),
        ["sideEffects"] = "None",
        ["failurePolicy"] = failurePolicy,
        ["timeoutSeconds"] = 5,
        ["clientConfig"] = new JsonObject
        {
            ["url"] = new Uri(hook.BaseAddress, "/mutate").ToString(),
            ["caBundle"] = hook.Authority.CertificatePemBase64,
        },
        ["rules"] = JsonNode.Parse("""[{"operations":["CREATE"],"apiGroups":[""],"apiVersions":["v1"],"resources":["pods"],"scope":"Namespaced"}]"""),
        ["namespaceSelector"] = JsonNode.Parse("""{"matchLabels":{"periscope.dev/inject":"enabled"}}"""),
    };

    private static Task<JsonObject> RegisterAsync(EmulatorSession session, JsonObject webhook, string name = "periscope") =>
        session.CreateAsync(
            "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations",
            new JsonObject
            {
                ["apiVersion"] = "admissionregistration.k8s.io/v1",
                ["kind"] = "MutatingWebhookConfiguration",
                ["metadata"] = new JsonObject { ["name"] = name },
                ["webhooks"] = new JsonArray(webhook),
            }.ToJsonString());
}
