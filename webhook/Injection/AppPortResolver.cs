using System.Globalization;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Injection;

/// <summary>
/// The app's port: the annotation, else the first container's first TCP <c>containerPort</c> (protocol defaults to
/// TCP, core/v1 ContainerPort), else none — and the pod is skipped (<see cref="SkipReasons.NoAppPort"/>).
/// </summary>
internal static class AppPortResolver
{
    public static int? Resolve(JsonNode pod, List<string> warnings)
    {
        var annotated = PodJson.Annotation(pod, InjectionNames.AppPortAnnotation);
        if (annotated is not null)
        {
            if (int.TryParse(annotated, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                return port;
            }

            warnings.Add($"{InjectionNames.AppPortAnnotation} \"{annotated}\" is not a port 1-65535; inferred the port instead");
        }

        var first = PodJson.Objects(PodJson.Array(pod["spec"], "containers")).FirstOrDefault();
        return PodJson.Objects(PodJson.Array(first, "ports"))
            .Where(p => PodJson.String(p, "protocol") is null or "TCP")
            .Select(p => PodJson.Int(p, "containerPort"))
            .FirstOrDefault(p => p is >= 1 and <= 65535);
    }
}
