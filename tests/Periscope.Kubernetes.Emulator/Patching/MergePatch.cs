using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Patching;

/// <summary>
/// JSON Merge Patch (RFC 7386 §2) and, with <c>strategic</c>, Kubernetes strategic merge patch: lists
/// with a patchMergeKey merge element by element instead of being replaced, and <c>$patch: delete</c>
/// removes an element (kubernetes community contributors/devel/sig-api-machinery/strategic-merge-patch.md).
/// </summary>
internal static class MergePatch
{
    // patchMergeKey tags from k8s.io/api/core/v1/types.go for the lists Periscope patches.
    private static readonly Dictionary<string, string[]> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["volumes"] = ["name"],
        ["env"] = ["name"],
        ["imagePullSecrets"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["volumeDevices"] = ["devicePath"],
        ["ports"] = ["containerPort", "port"],
        ["conditions"] = ["type"],
        ["hostAliases"] = ["ip"],
    };

    public static JsonObject Apply(JsonObject document, JsonNode? patch, bool strategic)
    {
        if (patch is not JsonObject patchObject)
        {
            throw new PatchException("a merge patch for an object must be a JSON object");
        }

        var result = (JsonObject)document.DeepClone();
        MergeInto(result, patchObject, strategic);
        return result;
    }

    private static void MergeInto(JsonObject target, JsonObject patch, bool strategic)
    {
        foreach (var (key, value) in patch)
        {
            if (strategic && key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchChild && target[key] is JsonObject targetChild
                && !(strategic && Json.Str(patchChild["$patch"]) == "replace"))
            {
                MergeInto(targetChild, patchChild, strategic);
            }
            else if (strategic && value is JsonArray patchList && target[key] is JsonArray targetList && MergeKeys.TryGetValue(key, out var keys))
            {
                MergeList(targetList, patchList, keys);
            }
            else
            {
                target[key] = Clean(value.DeepClone(), strategic);
            }
        }
    }

    private static void MergeList(JsonArray target, JsonArray patch, string[] keys)
    {
        foreach (var element in patch)
        {
            if (element is not JsonObject patchItem)
            {
                target.Add(element?.DeepClone());
                continue;
            }

            var key = keys.FirstOrDefault(patchItem.ContainsKey);
            var match = key is null ? null : target.OfType<JsonObject>().FirstOrDefault(t => JsonNode.DeepEquals(t[key], patchItem[key]));
            if (Json.Str(patchItem["$patch"]) == "delete")
            {
                if (match is not null)
                {
                    target.Remove(match);
                }
            }
            else if (match is not null)
            {
                MergeInto(match, patchItem, strategic: true);
            }
            else
            {
                target.Add(Clean(patchItem.DeepClone(), strategic: true));
            }
        }
    }

    /// <summary>New values carry no patch directives and no nulls (RFC 7386 §2: nulls only delete).</summary>
    private static JsonNode? Clean(JsonNode? node, bool strategic)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Where(p => p.Value is null || (strategic && p.Key.StartsWith('$'))).Select(p => p.Key).ToList())
            {
                obj.Remove(key);
            }

            foreach (var (_, child) in obj)
            {
                Clean(child, strategic);
            }
        }

        return node;
    }
}
