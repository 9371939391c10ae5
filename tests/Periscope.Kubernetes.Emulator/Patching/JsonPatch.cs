using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Patching;

/// <summary>JSON Patch, RFC 6902 (§4 operations, applied in order, §5 all-or-nothing) over RFC 6901 pointers.</summary>
internal static class JsonPatch
{
    /// <summary>Applies the patch to a copy of <paramref name="document"/>; throws <see cref="PatchException"/> on any failing operation.</summary>
    public static JsonObject Apply(JsonObject document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new PatchException("a JSON Patch document must be an array of operations");
        }

        var root = (JsonObject)document.DeepClone();
        foreach (var node in operations)
        {
            if (node is not JsonObject op)
            {
                throw new PatchException("a JSON Patch operation must be an object");
            }

            var path = Json.Str(op["path"]) ?? throw new PatchException("operation has no \"path\"");
            switch (Json.Str(op["op"]))
            {
                case "add":
                    Add(root, path, Value(op));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, Value(op));
                    break;
                case "move":
                    var moved = Remove(root, From(op));
                    Add(root, path, moved);
                    break;
                case "copy":
                    Add(root, path, Get(root, From(op))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op["value"]))
                    {
                        throw new PatchException($"testing value {path} failed");
                    }

                    break;
                default:
                    throw new PatchException($"unexpected kind of operation: {op["op"]?.ToJsonString()}");
            }
        }

        return root;
    }

    private static JsonNode? Value(JsonObject op) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw new PatchException("operation has no \"value\"");

    private static string From(JsonObject op) => Json.Str(op["from"]) ?? throw new PatchException("operation has no \"from\"");

    private static (JsonNode Parent, string Token) Parent(JsonObject root, string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            throw new PatchException($"path \"{path}\" is not a JSON pointer to a member");
        }

        var tokens = path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode? node = root;
        foreach (var token in tokens[..^1])
        {
            node = Child(node, token) ?? throw new PatchException($"path {path} does not exist");
        }

        return (node!, tokens[^1]);
    }

    private static JsonNode? Child(JsonNode? node, string token) => node switch
    {
        JsonObject o => o[token],
        JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
        _ => null,
    };

    private static JsonNode? Get(JsonObject root, string path)
    {
        var (parent, token) = Parent(root, path);
        return parent switch
        {
            JsonObject o when o.TryGetPropertyValue(token, out var v) => v,
            JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
            _ => throw new PatchException($"path {path} does not exist"),
        };
    }

    private static void Add(JsonObject root, string path, JsonNode? value)
    {
        var (parent, token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o:
                o[token] = value;
                break;
            case JsonArray a when token == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(token, out var i) && i >= 0 && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new PatchException($"add operation does not apply: path {path} is out of range");
        }
    }

    private static JsonNode? Remove(JsonObject root, string path)
    {
        var (parent, token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(token, out var v):
                o.Remove(token);
                return v;
            case JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count:
                var item = a[i];
                a.RemoveAt(i);
                return item;
            default:
                throw new PatchException($"path {path} does not exist");
        }
    }
}
