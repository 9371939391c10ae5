using System.Text.Json.Nodes;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Admission;

/// <summary>How a pod is named in logs before it has a name: a controller's pod has only metadata.generateName.</summary>
internal static class PodName
{
    public static string? ForLog(string? requestName, JsonNode pod)
    {
        if (!string.IsNullOrEmpty(requestName))
        {
            return requestName;
        }

        var metadata = PodJson.Object(pod, "metadata");
        return PodJson.String(metadata, "name") is { Length: > 0 } name ? name
            : PodJson.String(metadata, "generateName") is { Length: > 0 } generate ? generate + "*"
            : null;
    }

    public static string? Namespace(JsonNode pod) => PodJson.String(PodJson.Object(pod, "metadata"), "namespace");
}
