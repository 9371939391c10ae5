using System.Text;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Tests.Admission;

/// <summary>
/// Seeded mutations of AdmissionReviews: dropped fields, wrong types, nulls, huge strings, unicode names, deep nesting,
/// duplicate containers and hostile values for the annotations the injector reads. Same seed, same cases.
/// </summary>
internal sealed class ReviewMutator(int seed)
{
    private static readonly string[] Unicode =
    [
        "ünïcødé", "名前", "اسم", "😀🚀", "e\u0301", "\u202Eevil", "a\u0000b", "\uD83D\uDE00x", "Ω≈ç√", "tab\tnew\nline", "\"quoted\"", "~0~1/",
    ];

    private static readonly string[] Annotations =
    [
        "periscope.dev/app-port", "periscope.dev/app-id", "periscope.dev/inject", "periscope.dev/status", "periscope.dev/sidecar-image",
        "periscope.dev/sidecar-cpu-request", "periscope.dev/sidecar-memory-limit", "periscope.dev/sidecar-log-level",
        "periscope.dev/openapi-path", "dapr.io/enabled",
    ];

    private static readonly string[] HostileValues =
    [
        "", "0", "-1", "65536", "99999999999999999999", "0x50", " 80", "80 ", "８０", "true", "false", "yes", "null", "1e3", "Debug", "1Ei",
        "-5Mi", "nginx:latest", "UPPER/Case:tag", "a@sha256:xyz", "/docs/../../etc", "%00",
    ];

    private readonly Random _random = new(seed);

    public JsonObject Mutate(JsonObject review)
    {
        var copy = review.DeepClone().AsObject();
        var rounds = _random.Next(1, 5);
        for (var i = 0; i < rounds; i++)
        {
            var nodes = Collect(copy);
            var (parent, key) = nodes[_random.Next(nodes.Count)];
            switch (_random.Next(10))
            {
                case 0:
                    Remove(parent, key);
                    break;
                case 1:
                    Set(parent, key, WrongType());
                    break;
                case 2:
                    Set(parent, key, null);
                    break;
                case 3:
                    Set(parent, key, new string((char)_random.Next('a', 'z' + 1), _random.Next(1000, 10_000)));
                    break;
                case 4:
                    Set(parent, key, Unicode[_random.Next(Unicode.Length)]);
                    break;
                case 5:
                    Set(parent, key, Deep(_random.Next(10, 60)));
                    break;
                case 6:
                    DuplicateContainers(copy);
                    break;
                case 7:
                case 8:
                    Annotate(copy);
                    break;
                default:
                    RenameContainers(copy);
                    break;
            }
        }

        return copy;
    }

    private static List<(JsonNode Parent, object Key)> Collect(JsonNode root)
    {
        var result = new List<(JsonNode, object)>();
        var stack = new Stack<JsonNode>([root]);
        while (stack.Count > 0 && result.Count < 5000)
        {
            var node = stack.Pop();
            if (node is JsonObject obj)
            {
                foreach (var (name, child) in obj)
                {
                    result.Add((obj, name));
                    if (child is not null)
                    {
                        stack.Push(child);
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    result.Add((array, i));
                    if (array[i] is { } child)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        return result.Count > 0 ? result : [(root, "request")];
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove((string)key);
        }
        else if (parent is JsonArray array)
        {
            array.RemoveAt((int)key);
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else if (parent is JsonArray array)
        {
            array[(int)key] = value;
        }
    }

    private JsonNode? WrongType() => _random.Next(6) switch
    {
        0 => JsonValue.Create(_random.Next(-100, 100_000)),
        1 => JsonValue.Create(_random.NextDouble() * 1e300),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => new JsonArray(JsonValue.Create("x"), null, new JsonObject()),
        4 => new JsonObject { ["unexpected"] = 1 },
        _ => JsonValue.Create("string"),
    };

    private static JsonNode Deep(int depth)
    {
        JsonNode node = JsonValue.Create("bottom");
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonObject { ["d"] = node } : new JsonArray(node);
        }

        return node;
    }

    private static JsonArray? Containers(JsonObject review, string list = "containers") =>
        Child(Child(Child(Child(review, "request"), "object"), "spec"), list) as JsonArray;

    /// <summary>A member, or null when <paramref name="node"/> is no object (the indexer throws on arrays and values).</summary>
    private static JsonNode? Child(JsonNode? node, string name) => (node as JsonObject)?[name];

    private void DuplicateContainers(JsonObject review)
    {
        if (Containers(review) is { Count: > 0 } containers)
        {
            containers.Add(containers[_random.Next(containers.Count)]?.DeepClone());
        }
    }

    private void RenameContainers(JsonObject review)
    {
        var list = _random.Next(3) == 0 ? "initContainers" : "containers";
        if (Containers(review, list) is { Count: > 0 } containers && containers[_random.Next(containers.Count)] is JsonObject container)
        {
            container["name"] = _random.Next(3) == 0 ? "periscope-sidecar" : Unicode[_random.Next(Unicode.Length)];
        }
    }

    private void Annotate(JsonObject review)
    {
        if (Child(Child(review, "request"), "object") is not JsonObject pod)
        {
            return;
        }

        var metadata = pod["metadata"] as JsonObject ?? [];
        pod["metadata"] = metadata;
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        var value = _random.Next(4) == 0 ? Unicode[_random.Next(Unicode.Length)] : HostileValues[_random.Next(HostileValues.Length)];
        annotations[Annotations[_random.Next(Annotations.Length)]] = _random.Next(8) == 0 ? WrongType() : value;
    }

    /// <summary>The review as UTF-8, sometimes cut short or with a byte flipped, as a broken client would send it.</summary>
    public byte[] Encode(JsonObject review)
    {
        var bytes = Encoding.UTF8.GetBytes(review.ToJsonString());
        switch (_random.Next(20))
        {
            case 0:
                return bytes[..(bytes.Length / 2)];
            case 1:
                bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
                return bytes;
            default:
                return bytes;
        }
    }
}
