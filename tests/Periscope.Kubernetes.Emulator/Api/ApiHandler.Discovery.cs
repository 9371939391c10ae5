using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Resources;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// /version, /api, /apis and the per-group-version APIResourceLists: the legacy (unaggregated) discovery
/// documents kubectl and client libraries read (kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api).
/// </summary>
internal sealed partial class ApiHandler
{
    private JsonObject? Discovery(string path)
    {
        var segments = path.Trim('/').Split('/');
        return segments switch
        {
            ["version"] => Version(),
            ["api"] => new JsonObject
            {
                ["kind"] = "APIVersions",
                ["versions"] = new JsonArray("v1"),
                ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1:443" }),
            },
            ["apis"] => new JsonObject
            {
                ["kind"] = "APIGroupList",
                ["apiVersion"] = "v1",
                ["groups"] = new JsonArray(ResourceCatalog.Groups.Select(Group).ToArray()),
            },
            ["apis", var g] when ResourceCatalog.Groups.Contains(g) => GroupDocument(g),
            ["api", "v1"] => Resources("", "v1"),
            ["apis", var g, var v] when ResourceCatalog.All.Any(k => k.Group == g && k.Version == v) => Resources(g, v),
            _ => null,
        };
    }

    private JsonObject Version()
    {
        var parts = options.GitVersion.TrimStart('v').Split('.', '-', '+');
        return new JsonObject
        {
            ["major"] = parts[0],
            ["minor"] = parts.Length > 1 ? parts[1] : "0",
            ["gitVersion"] = options.GitVersion,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2026-01-01T00:00:00Z",
            ["goVersion"] = "go1.24.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };
    }

    private static JsonObject GroupDocument(string group)
    {
        var document = new JsonObject { ["kind"] = "APIGroup", ["apiVersion"] = "v1" };
        foreach (var (key, value) in Group(group).ToList())
        {
            document[key] = value?.DeepClone();
        }

        return document;
    }

    private static JsonObject Group(string group)
    {
        var version = ResourceCatalog.All.First(k => k.Group == group).Version;
        var groupVersion = new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray(groupVersion),
            ["preferredVersion"] = groupVersion.DeepClone(),
        };
    }

    private static JsonObject Resources(string group, string version)
    {
        var resources = new JsonArray();
        foreach (var kind in ResourceCatalog.All.Where(k => k.Group == group && k.Version == version))
        {
            resources.Add(new JsonObject
            {
                ["name"] = kind.Resource,
                ["singularName"] = kind.SingularName,
                ["namespaced"] = kind.Namespaced,
                ["kind"] = kind.Kind,
                ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
            });
            if (kind.HasStatus)
            {
                resources.Add(Subresource(kind, "status", kind.Kind, "get", "patch", "update"));
            }

            if (kind == ResourceCatalog.Pods)
            {
                resources.Add(Subresource(kind, "log", "Pod", "get"));
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject Subresource(ResourceKind kind, string name, string subKind, params string[] verbs) => new()
    {
        ["name"] = $"{kind.Resource}/{name}",
        ["singularName"] = "",
        ["namespaced"] = kind.Namespaced,
        ["kind"] = subKind,
        ["verbs"] = new JsonArray(verbs.Select(v => (JsonNode)v).ToArray()),
    };
}
