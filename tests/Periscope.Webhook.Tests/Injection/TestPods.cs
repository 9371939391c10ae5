using System.Text.Json.Nodes;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Tests.Injection;

/// <summary>Small pods and options for the rule-by-rule tests.</summary>
internal static class TestPods
{
    public static InjectionContext Context(int minor = 30) =>
        new(new InjectionOptions("ghcr.io/periscope/sidecar:1.0.0", "http://catalog.periscope.svc:7071", minor)
        {
            ReportTokenSecretName = "periscope-report-token",
        });

    public static JsonObject Pod(string? annotations = null, string? labels = null, string? extraSpec = null, string name = "web-0") =>
        JsonNode.Parse($$"""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": { "name": "{{name}}" {{(annotations is null ? "" : $", \"annotations\": {{{annotations}}}")}} {{(labels is null ? "" : $", \"labels\": {{{labels}}}")}} },
          "spec": { {{(extraSpec is null ? "" : extraSpec + ",")}} "containers": [ { "name": "web", "image": "nginx", "ports": [ { "containerPort": 8080 } ] } ] }
        }
        """)!.AsObject();

    public static JsonObject Apply(JsonObject pod, InjectionDecision decision)
    {
        Assert.True(decision.Inject, $"expected an injection, got skip {decision.Reason}");
        return EmulatorPatching.Apply(pod, decision.Patch!);
    }

    public static JsonObject Sidecar(JsonObject pod) =>
        ((pod["spec"]!["initContainers"] as JsonArray) ?? []).Concat(pod["spec"]!["containers"]!.AsArray())
            .OfType<JsonObject>().Single(c => c["name"]!.GetValue<string>() == InjectionNames.SidecarContainer);

    public static string? Env(JsonObject container, string name) =>
        container["env"]?.AsArray().OfType<JsonObject>().SingleOrDefault(e => e["name"]!.GetValue<string>() == name)?["value"]?.GetValue<string>();
}
