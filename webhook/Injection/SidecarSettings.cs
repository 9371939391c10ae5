using System.Text.Json.Nodes;

namespace Periscope.Webhook.Injection;

/// <summary>
/// The options after a pod's override annotations: each valid override replaces its default; an invalid one is
/// ignored with a warning, because a typo in an annotation must not cost the pod its sidecar or its creation.
/// </summary>
internal sealed record SidecarSettings(string Image, string CpuRequest, string? CpuLimit, string MemoryRequest, string MemoryLimit, string LogLevel)
{
    /// <summary>Microsoft.Extensions.Logging.LogLevel names, which the sidecar reads from <c>Logging__LogLevel__Default</c>.</summary>
    private static readonly string[] LogLevels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical", "None"];

    public static SidecarSettings Resolve(JsonNode pod, InjectionOptions options, List<string> warnings)
    {
        var image = Override(pod, InjectionNames.ImageAnnotation, options.Image, ImageReference.IsValid, "is not an image reference", warnings);
        var cpuRequest = Override(pod, InjectionNames.CpuRequestAnnotation, options.CpuRequest, IsQuantity, "is not a resource quantity", warnings);
        var memoryLimit = Override(pod, InjectionNames.MemoryLimitAnnotation, options.MemoryLimit, IsQuantity, "is not a resource quantity", warnings);
        var logLevel = Override(pod, InjectionNames.LogLevelAnnotation, options.LogLevel, l => LevelName(l) is not null, "is not a log level", warnings);

        // The API server rejects a request above its limit (core/v1 validation: "must be less than or equal to
        // memory limit"), so a lowered limit pulls the request down with it.
        var memoryRequest = options.MemoryRequest;
        if (ResourceQuantity.TryParse(memoryRequest, out var request) && ResourceQuantity.TryParse(memoryLimit, out var limit) && request > limit)
        {
            memoryRequest = memoryLimit;
        }

        var cpuLimit = options.CpuLimit;
        if (cpuLimit is not null && ResourceQuantity.TryParse(cpuRequest, out var cpu) && ResourceQuantity.TryParse(cpuLimit, out var cpuMax) && cpu > cpuMax)
        {
            warnings.Add($"{InjectionNames.CpuRequestAnnotation} \"{cpuRequest}\" is above the CPU limit {cpuLimit}; using {options.CpuRequest}");
            cpuRequest = options.CpuRequest;
        }

        return new SidecarSettings(image, cpuRequest, cpuLimit, memoryRequest, memoryLimit, LevelName(logLevel) ?? options.LogLevel);
    }

    private static bool IsQuantity(string value) => ResourceQuantity.TryParse(value, out var quantity) && quantity > 0;

    /// <summary>The canonical level name for <paramref name="value"/> (any case), or null when it is none.</summary>
    public static string? LevelName(string value) => LogLevels.FirstOrDefault(l => l.Equals(value, StringComparison.OrdinalIgnoreCase));

    private static string Override(JsonNode pod, string annotation, string fallback, Func<string, bool> isValid, string problem, List<string> warnings)
    {
        var value = PodJson.Annotation(pod, annotation);
        if (value is null)
        {
            return fallback;
        }

        if (isValid(value))
        {
            return value;
        }

        warnings.Add($"{annotation} \"{value}\" {problem}; using the default \"{fallback}\"");
        return fallback;
    }
}
