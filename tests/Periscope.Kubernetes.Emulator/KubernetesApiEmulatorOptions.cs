using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator;

/// <summary>How an emulated API server behaves.</summary>
public sealed record KubernetesApiEmulatorOptions
{
    /// <summary>What /version reports; the webhook decides native sidecars (1.29+) from it. Default v1.30.0.</summary>
    public string GitVersion { get; init; } = "v1.30.0";

    /// <summary>When set, every request must carry <c>Authorization: Bearer</c> this token, else 401.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Also listen on plain HTTP (<see cref="KubernetesApiEmulator.HttpBaseAddress"/>). Default false.</summary>
    public bool EnableHttp { get; init; }

    /// <summary>How often a watch with allowWatchBookmarks=true gets a BOOKMARK. Default 1 s (a real apiserver: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Create default, kube-system, kube-public and kube-node-lease at start, as a cluster has. Default true.</summary>
    public bool CreateSystemNamespaces { get; init; } = true;

    /// <summary>
    /// Maps a webhook's clientConfig.service (namespace, name, port) to a loopback base address such as
    /// https://127.0.0.1:5443. The TLS server name stays {name}.{namespace}.svc, as kube-apiserver dials it.
    /// </summary>
    public Func<string, string, int, Uri>? ResolveWebhookService { get; init; }

    /// <summary>The AdmissionReview's request.userInfo. Default kubernetes-admin in system:masters.</summary>
    public JsonObject UserInfo { get; init; } = new()
    {
        ["username"] = "kubernetes-admin",
        ["groups"] = new JsonArray("system:masters", "system:authenticated"),
    };

    internal void Validate()
    {
        if (!GitVersion.StartsWith('v') || GitVersion.Split('.').Length < 3)
        {
            throw new ArgumentException($"GitVersion must look like v1.30.0, not '{GitVersion}'", nameof(GitVersion));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BookmarkInterval, TimeSpan.Zero, nameof(BookmarkInterval));
    }
}
