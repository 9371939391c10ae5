using System.Text;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Injection;

/// <summary>
/// The app-id: the annotation, else <c>app.kubernetes.io/name</c> (the recommended label,
/// kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/), else <c>app</c>, else the controlling
/// owner's name (a ReplicaSet's pod-template-hash suffix stripped, so every rollout keeps the Deployment's id),
/// else <c>generateName</c>, else the pod name — made an RFC 1123 label, as the sidecar requires.
/// </summary>
internal static class AppIdResolver
{
    private const int MaxLabelLength = 63;

    public static string Resolve(JsonNode pod, string? requestName, List<string> warnings)
    {
        var annotated = PodJson.Annotation(pod, InjectionNames.AppIdAnnotation);
        if (!string.IsNullOrWhiteSpace(annotated))
        {
            var sanitised = Sanitise(annotated);
            if (sanitised is null)
            {
                warnings.Add($"{InjectionNames.AppIdAnnotation} \"{annotated}\" has no usable characters; inferred the app-id instead");
            }
            else
            {
                if (sanitised != annotated)
                {
                    warnings.Add($"{InjectionNames.AppIdAnnotation} \"{annotated}\" is not an RFC 1123 label; using \"{sanitised}\"");
                }

                return sanitised;
            }
        }

        var metadata = pod["metadata"];
        string?[] candidates =
        [
            PodJson.Label(pod, "app.kubernetes.io/name"),
            PodJson.Label(pod, "app"),
            OwnerName(pod),
            PodJson.String(metadata, "generateName")?.TrimEnd('-'),
            PodJson.String(metadata, "name"),
            requestName,
        ];
        return candidates.Select(Sanitise).FirstOrDefault(c => c is not null) ?? "app";
    }

    /// <summary>Lowercase, characters outside [a-z0-9-] become '-', at most 63 characters, alphanumeric at both ends (RFC 1123 §2.1 label).</summary>
    public static string? Sanitise(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        var text = builder.ToString().Trim('-');
        if (text.Length > MaxLabelLength)
        {
            text = text[..MaxLabelLength].TrimEnd('-');
        }

        return text.Length == 0 ? null : text;
    }

    private static string? OwnerName(JsonNode pod)
    {
        var owners = PodJson.Objects(PodJson.Array(pod["metadata"], "ownerReferences")).ToList();
        var owner = owners.FirstOrDefault(o => PodJson.True(o, "controller")) ?? owners.FirstOrDefault();
        var name = PodJson.String(owner, "name");
        if (name is null || PodJson.String(owner, "kind") != "ReplicaSet")
        {
            return name;
        }

        // A Deployment names its ReplicaSets "<deployment>-<pod-template-hash>" and labels their pods with the hash
        // (kubernetes.io/docs/concepts/workloads/controllers/deployment/#pod-template-hash-label).
        var hash = PodJson.Label(pod, "pod-template-hash");
        if (!string.IsNullOrEmpty(hash) && name.EndsWith("-" + hash, StringComparison.Ordinal))
        {
            return name[..^(hash.Length + 1)];
        }

        var dash = name.LastIndexOf('-');
        return dash > 0 ? name[..dash] : name;
    }
}
