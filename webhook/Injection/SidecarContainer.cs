using System.Globalization;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Injection;

/// <summary>The sidecar's container spec (core/v1 Container), configured through the variables in sidecar/README.md.</summary>
internal static class SidecarContainer
{
    private const long NonRootUser = 65532;

    public static JsonObject Build(InjectionOptions options, SidecarSettings settings, SidecarIdentity identity, bool native)
    {
        var container = new JsonObject
        {
            ["name"] = InjectionNames.SidecarContainer,
            ["image"] = settings.Image,
            ["imagePullPolicy"] = options.ImagePullPolicy,
        };

        // A native sidecar is an init container that keeps running; Kubernetes starts it before the init containers
        // after it and the app, and stops it after them (kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/).
        if (native)
        {
            container["restartPolicy"] = "Always";
        }

        container["env"] = Environment(options, settings, identity);
        container["ports"] = new JsonArray(
            Port(InjectionNames.DaprPortName, InjectionNames.DaprHttpPort),
            Port(InjectionNames.InboundPortName, InjectionNames.InboundPort),
            Port(InjectionNames.MetricsPortName, InjectionNames.MetricsPort));

        // The startup probe of a native sidecar gates the start of the containers after it, so it asks only
        // whether the sidecar runs (/healthz); /readyz follows the app, which has not started yet.
        container["startupProbe"] = Probe("/healthz", periodSeconds: 1, failureThreshold: 30);
        container["readinessProbe"] = Probe("/readyz", periodSeconds: 5, failureThreshold: 3);
        container["resources"] = Resources(settings);
        container["securityContext"] = SecurityContext();
        return container;
    }

    private static JsonArray Environment(InjectionOptions options, SidecarSettings settings, SidecarIdentity identity)
    {
        var env = new JsonArray
        {
            Value("APP_ID", identity.AppId),
            Value("APP_PORT", identity.AppPort.ToString(CultureInfo.InvariantCulture)),
        };
        env.Add(Value("PERISCOPE_APP_CONTAINER", identity.AppContainer));
        env.Add(Field("NAMESPACE", "metadata.namespace"));
        env.Add(Field("POD_NAME", "metadata.name"));
        env.Add(Field("POD_IP", "status.podIP"));
        env.Add(Value("PERISCOPE_CATALOG_URL", options.CatalogUrl));
        if (options.ReportTokenSecretName is { Length: > 0 } secret)
        {
            // optional: a missing Secret leaves the sidecar unauthenticated (it logs 401s) instead of keeping the
            // pod in CreateContainerConfigError.
            env.Add(new JsonObject
            {
                ["name"] = "PERISCOPE_CATALOG_TOKEN",
                ["valueFrom"] = new JsonObject
                {
                    ["secretKeyRef"] = new JsonObject { ["name"] = secret, ["key"] = options.ReportTokenSecretKey, ["optional"] = true },
                },
            });
        }

        if (identity.OpenApiPath is { Length: > 0 } path)
        {
            env.Add(Value("PERISCOPE_OPENAPI_PATH", path));
        }

        env.Add(Value("Logging__LogLevel__Default", settings.LogLevel));
        if (settings.SocketThreads is { } threads)
        {
            // Read by System.Net.Sockets; the sidecar's own default is one (sidecar/README.md, runtime settings).
            env.Add(Value("DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT", threads.ToString(CultureInfo.InvariantCulture)));
        }

        // The .NET diagnostics IPC socket is created under /tmp, which a read-only root file system does not allow.
        env.Add(Value("DOTNET_EnableDiagnostics", "0"));
        return env;
    }

    public static JsonObject Value(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static JsonObject Field(string name, string fieldPath) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = fieldPath } },
    };

    private static JsonObject Port(string name, int port) => new() { ["name"] = name, ["containerPort"] = port, ["protocol"] = "TCP" };

    private static JsonObject Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        ["httpGet"] = new JsonObject { ["path"] = path, ["port"] = InjectionNames.MetricsPort },
        ["periodSeconds"] = periodSeconds,
        ["failureThreshold"] = failureThreshold,
        ["timeoutSeconds"] = 1,
    };

    private static JsonObject Resources(SidecarSettings settings)
    {
        var limits = new JsonObject { ["memory"] = settings.MemoryLimit };
        if (settings.CpuLimit is not null)
        {
            limits["cpu"] = settings.CpuLimit;
        }

        return new JsonObject
        {
            ["requests"] = new JsonObject { ["cpu"] = settings.CpuRequest, ["memory"] = settings.MemoryRequest },
            ["limits"] = limits,
        };
    }

    /// <summary>The Pod Security Standards' "restricted" profile (kubernetes.io/docs/concepts/security/pod-security-standards/).</summary>
    private static JsonObject SecurityContext() => new()
    {
        ["runAsNonRoot"] = true,
        ["runAsUser"] = NonRootUser,
        ["runAsGroup"] = NonRootUser,
        ["readOnlyRootFilesystem"] = true,
        ["allowPrivilegeEscalation"] = false,
        ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
        ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
    };
}
