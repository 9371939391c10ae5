using System.Text.Json.Nodes;
using Periscope.Webhook.Tests.Injection;

namespace Periscope.Webhook.Tests.Admission;

/// <summary>AdmissionReview requests: the real one from ../shared/testdata (kubewarden/kwctl) and ones built around a pod.</summary>
internal static class AdmissionReviews
{
    public const string RealReviewFixture = "kwctl_unprivileged-pod-admission-review.json";

    /// <summary>The real review as kube-apiserver sent it (its pod declares no containerPort).</summary>
    public static JsonObject Real() => PodFixtures.LoadDocument(RealReviewFixture);

    /// <summary>A CREATE review for <paramref name="pod"/> in <paramref name="ns"/>, shaped as kube-apiserver sends it.</summary>
    public static JsonObject ForPod(JsonObject pod, string ns = "shop", string? name = null, string uid = "0f4e6c1a-7b2d-4c9e-8a3f-5d6b7c8d9e0f") => new()
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = Gvk("", "v1", "Pod"),
            ["resource"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
            ["requestKind"] = Gvk("", "v1", "Pod"),
            ["requestResource"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
            ["name"] = name ?? pod["metadata"]?["name"]?.GetValue<string>() ?? "",
            ["namespace"] = ns,
            ["operation"] = "CREATE",
            ["userInfo"] = new JsonObject { ["username"] = "system:serviceaccount:kube-system:replicaset-controller" },
            ["object"] = pod.DeepClone(),
            ["oldObject"] = null,
            ["dryRun"] = false,
            ["options"] = new JsonObject { ["kind"] = "CreateOptions", ["apiVersion"] = "meta.k8s.io/v1" },
        },
    };

    public static JsonObject Gvk(string group, string version, string kind) => new() { ["group"] = group, ["version"] = version, ["kind"] = kind };
}
