using System.Globalization;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Injection;

/// <summary>
/// The options after a pod's override annotations: each valid override replaces its default; an invalid one is
/// ignored with a warning, because a typo in an annotation must not cost the pod its sidecar or its creation.
/// </summary>
/// <param name="SocketThreads">The sidecar's socket (epoll) threads, or null for its own default of one.</param>
internal sealed record SidecarSettings(
    string Image, string CpuRequest, string? CpuLimit, string MemoryRequest, string MemoryLimit, string LogLevel, int? SocketThreads)
{
    /// <summary>More socket threads than this is a typo, not a sidecar's need (each is a thread forwarding at up to one core).</summary>
    public const int MaxSocketThreads = 64;

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

        return new SidecarSettings(
            image, cpuRequest, cpuLimit, memoryRequest, memoryLimit, LevelName(logLevel) ?? options.LogLevel, ResolveSocketThreads(pod, cpuLimit, warnings));
    }

    /// <summary>
    /// The annotation's count, else one per core of the CPU limit rounded up (Istio derives Envoy's concurrency so:
    /// a 2500m limit gives 3), else null: the sidecar then runs one, as Linkerd's proxy runs one worker by default
    /// (linkerd.io/2/tasks/configuring-proxy-concurrency).
    /// </summary>
    private static int? ResolveSocketThreads(JsonNode pod, string? cpuLimit, List<string> warnings)
    {
        var fromLimit = ResourceQuantity.TryParse(cpuLimit, out var cores) && cores > 0
            ? (int)Math.Min(MaxSocketThreads, Math.Ceiling(cores))
            : (int?)null;
        var value = PodJson.Annotation(pod, InjectionNames.SocketThreadsAnnotation);
        if (value is null)
        {
            return fromLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var threads) && threads is >= 1 and <= MaxSocketThreads)
        {
            return threads;
        }

        var fallback = fromLimit is { } n ? n.ToString(CultureInfo.InvariantCulture) : "1";
        warnings.Add($"{InjectionNames.SocketThreadsAnnotation} \"{value}\" is not a whole number from 1 to {MaxSocketThreads}; using {fallback}");
        return fromLimit;
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
