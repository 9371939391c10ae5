using System.Globalization;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Injection;

/// <summary>
/// Decides whether a pod gets the sidecar and writes the RFC 6902 JSON Patch that adds it.
/// </summary>
/// <remarks>
/// The flow, marked in the code:
/// 1. skip rules, in the order Istio's injector checks them (istio/istio pkg/kube/inject/inject.go,
///    injectRequired): ignored namespaces, host network, an existing injection, the pod's own opt-out;
/// 2. identity (app-id, port) and the per-pod overrides; no port found is a skip too (<see cref="SkipReasons.NoAppPort"/>);
/// 3. the patch: DAPR_* variables on the app containers first (their indices do not move), then the sidecar,
///    then the status annotation and the PodMonitor's label. Every `add` whose parent may be absent creates the
///    parent instead (RFC 6902 §4.1: the target's parent must exist).
/// </remarks>
internal static class SidecarInjector
{
    private static readonly string[] SystemNamespaces = ["kube-system", "kube-public"];

    public static InjectionDecision Review(JsonNode pod, string @namespace, InjectionContext ctx)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(ctx);

        // 1.
        if (SkipReason(pod, @namespace) is { } reason)
        {
            return InjectionDecision.Skip(reason);
        }

        // 2.
        var warnings = new List<string>();
        var options = ctx.Options;
        var containers = PodJson.Array(pod["spec"], "containers")!;
        if (AppPortResolver.Resolve(pod, warnings) is not { } appPort)
        {
            warnings.Add($"sidecar not injected: no app port; set the {InjectionNames.AppPortAnnotation} annotation or a TCP containerPort on the first container");
            return InjectionDecision.Skip(SkipReasons.NoAppPort, warnings);
        }

        var identity = new SidecarIdentity(
            AppIdResolver.Resolve(pod, ctx.RequestName, warnings),
            appPort,
            PodJson.String(containers[0], "name") ?? "app",
            PodJson.Annotation(pod, InjectionNames.OpenApiPathAnnotation));
        var settings = SidecarSettings.Resolve(pod, options, warnings);
        var native = options.UsesNativeSidecar;

        // 3.
        var patch = new JsonArray();
        for (var i = 0; i < containers.Count; i++)
        {
            AddDaprEnvironment(patch, containers[i] as JsonObject, i);
        }

        AddSidecar(patch, pod, SidecarContainer.Build(options, settings, identity, native), native);
        AddMarkers(patch, pod);

        return InjectionDecision.Injected(
            patch,
            $"injected {(native ? "native sidecar" : "sidecar container")} (app-id {identity.AppId}, app-port {appPort})",
            warnings);
    }

    private static string? SkipReason(JsonNode pod, string @namespace)
    {
        if (SystemNamespaces.Contains(@namespace, StringComparer.Ordinal))
        {
            return SkipReasons.SystemNamespace;
        }

        var spec = pod["spec"];
        if (PodJson.True(spec, "hostNetwork"))
        {
            // The sidecar's fixed ports would collide on the node with every other such pod and with the node's own.
            return SkipReasons.HostNetwork;
        }

        if (PodJson.Annotation(pod, InjectionNames.StatusAnnotation) == InjectionNames.StatusInjected
            || PodJson.Objects(PodJson.Array(spec, "containers")).Concat(PodJson.Objects(PodJson.Array(spec, "initContainers")))
                .Any(c => PodJson.String(c, "name") == InjectionNames.SidecarContainer))
        {
            return SkipReasons.AlreadyInjected;
        }

        if (string.Equals(PodJson.Annotation(pod, InjectionNames.InjectAnnotation), "false", StringComparison.OrdinalIgnoreCase))
        {
            return SkipReasons.OptedOut;
        }

        if (IsTruthy(PodJson.Annotation(pod, InjectionNames.DaprEnabledAnnotation)))
        {
            return SkipReasons.DaprEnabled;
        }

        return PodJson.Array(spec, "containers") is { Count: > 0 } containers && containers[0] is JsonObject
            ? null
            : SkipReasons.NoContainers;
    }

    /// <summary>Dapr's own reading of <c>dapr.io/enabled</c> (dapr/dapr pkg/utils IsTruthy: y, yes, true, on, 1).</summary>
    private static bool IsTruthy(string? value) =>
        value?.Trim().ToLowerInvariant() is "y" or "yes" or "true" or "on" or "1";

    /// <summary>Dapr SDKs find the sidecar through these (docs.dapr.io/reference/environment/); values already set win.</summary>
    private static void AddDaprEnvironment(JsonArray patch, JsonObject? container, int index)
    {
        if (container is null)
        {
            return;
        }

        var wanted = new[]
        {
            SidecarContainer.Value("DAPR_HTTP_PORT", InjectionNames.DaprHttpPort.ToString(CultureInfo.InvariantCulture)),
            SidecarContainer.Value("DAPR_HTTP_ENDPOINT", $"http://127.0.0.1:{InjectionNames.DaprHttpPort}"),
        };
        var path = $"/spec/containers/{index}/env";
        if (container["env"] is not JsonArray env)
        {
            patch.Add(Op(path, new JsonArray(wanted)));
            return;
        }

        var present = PodJson.Objects(env).Select(e => PodJson.String(e, "name")).ToHashSet(StringComparer.Ordinal);
        foreach (var variable in wanted.Where(v => !present.Contains((string)v["name"]!)))
        {
            patch.Add(Op(path + "/-", variable));
        }
    }

    private static void AddSidecar(JsonArray patch, JsonNode pod, JsonObject sidecar, bool native)
    {
        if (!native)
        {
            patch.Add(Op("/spec/containers/-", sidecar));
            return;
        }

        // First among the init containers: Kubernetes runs them in order, so the ones after it can already call
        // through the sidecar (kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/).
        patch.Add(PodJson.Array(pod["spec"], "initContainers") is null
            ? Op("/spec/initContainers", new JsonArray(sidecar))
            : Op("/spec/initContainers/0", sidecar));
    }

    private static void AddMarkers(JsonArray patch, JsonNode pod)
    {
        if (pod["metadata"] is not JsonObject metadata)
        {
            patch.Add(Op("/metadata", new JsonObject
            {
                ["annotations"] = new JsonObject { [InjectionNames.StatusAnnotation] = InjectionNames.StatusInjected },
                ["labels"] = new JsonObject { [InjectionNames.InjectedLabel] = "true" },
            }));
            return;
        }

        AddMapEntry(patch, metadata, "annotations", InjectionNames.StatusAnnotation, InjectionNames.StatusInjected);
        AddMapEntry(patch, metadata, "labels", InjectionNames.InjectedLabel, "true");
    }

    private static void AddMapEntry(JsonArray patch, JsonObject metadata, string map, string key, string value) =>
        patch.Add(metadata[map] is JsonObject
            ? Op($"/metadata/{map}/{JsonPointer.Escape(key)}", value)
            : Op($"/metadata/{map}", new JsonObject { [key] = value }));

    private static JsonObject Op(string path, JsonNode value) => new() { ["op"] = "add", ["path"] = path, ["value"] = value };
}
