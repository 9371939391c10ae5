using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Periscope.Bench.Admission;

/// <summary>
/// The real-world pods of ../shared/testdata/pods (Istio's injector fixtures, a kwctl AdmissionReview) as Pods, each
/// with an app port so every one is injected, and as the AdmissionReview bytes kube-apiserver would send.
/// </summary>
internal static class BenchPods
{
    public static IReadOnlyList<(string Name, JsonObject Pod)> Load(string folder)
    {
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder).Any())
        {
            throw new DirectoryNotFoundException($"No pod fixtures in {folder}; pass --testdata <folder> (../shared/testdata/pods).");
        }

        return [.. Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), Pod(f)))];
    }

    public static byte[] Review(JsonObject pod, int index) => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = $"00000000-0000-4000-8000-{index:D12}",
            ["kind"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" },
            ["resource"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
            ["namespace"] = "shop",
            ["name"] = "",
            ["operation"] = "CREATE",
            ["userInfo"] = new JsonObject { ["username"] = "system:serviceaccount:kube-system:replicaset-controller" },
            ["object"] = pod.DeepClone(),
            ["dryRun"] = false,
        },
    }.ToJsonString());

    private static JsonObject Pod(string file)
    {
        var text = File.ReadAllText(file);
        var document = (file.EndsWith(".json", StringComparison.Ordinal) ? JsonNode.Parse(text) : FromYaml(text))!.AsObject();
        var pod = (string?)document["kind"] switch
        {
            "AdmissionReview" => document["request"]!["object"]!.DeepClone().AsObject(),
            "Pod" => document,
            _ => new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Pod",
                ["metadata"] = document["spec"]!["template"]!["metadata"]?.DeepClone() ?? new JsonObject(),
                ["spec"] = document["spec"]!["template"]!["spec"]!.DeepClone(),
            },
        };
        if (pod["spec"]?["containers"]?[0]?["ports"] is not JsonArray { Count: > 0 })
        {
            var metadata = pod["metadata"] as JsonObject ?? [];
            pod["metadata"] = metadata;
            var annotations = metadata["annotations"] as JsonObject ?? [];
            metadata["annotations"] = annotations;
            annotations["periscope.dev/app-port"] = "8080";
        }

        return pod;
    }

    /// <summary>YAML to JSON through YamlDotNet's JSON-compatible emitter (scalars become strings, which the injector reads).</summary>
    private static JsonNode? FromYaml(string text)
    {
        var graph = new DeserializerBuilder().Build().Deserialize<object>(text);
        return JsonNode.Parse(new SerializerBuilder().JsonCompatible().Build().Serialize(graph));
    }
}
