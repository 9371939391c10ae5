using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>type</c>: one type name or an array of them (Validation 2020-12 §6.1.1).</summary>
internal sealed class TypeKeyword : Keyword
{
    private static readonly (JsonTypes Type, string Name, string Phrase)[] Names =
    [
        (JsonTypes.Object, "object", "an object"),
        (JsonTypes.Array, "array", "an array"),
        (JsonTypes.String, "string", "a string"),
        (JsonTypes.Integer, "integer", "an integer"),
        (JsonTypes.Number, "number", "a number"),
        (JsonTypes.Boolean, "boolean", "a boolean"),
        (JsonTypes.Null, "null", "null"),
    ];

    private readonly JsonTypes _allowed;
    private readonly string _message;

    private TypeKeyword(JsonTypes allowed)
    {
        _allowed = allowed;
        var phrases = Names.Where(name => allowed.HasFlag(name.Type)).Select(name => name.Phrase).ToList();
        _message = phrases.Count == 1
            ? $"must be {phrases[0]}"
            : $"must be {string.Join(", ", phrases.Take(phrases.Count - 1))} or {phrases[^1]}";
    }

    public static TypeKeyword Compile(JsonElement value, string pointer)
    {
        var allowed = JsonTypes.None;
        if (value.ValueKind == JsonValueKind.String)
        {
            allowed = Parse(value.GetString()!, pointer);
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
        {
            foreach (var item in value.EnumerateArray())
            {
                allowed |= item.ValueKind == JsonValueKind.String
                    ? Parse(item.GetString()!, pointer)
                    : throw new JsonSchemaException($"'type' at {pointer} must list type names.");
            }
        }
        else
        {
            throw new JsonSchemaException($"'type' at {pointer} must be a type name or a non-empty array of them.");
        }

        return new TypeKeyword(allowed);
    }

    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        var matches = instance.ValueKind switch
        {
            JsonValueKind.Object => _allowed.HasFlag(JsonTypes.Object),
            JsonValueKind.Array => _allowed.HasFlag(JsonTypes.Array),
            JsonValueKind.String => _allowed.HasFlag(JsonTypes.String),
            JsonValueKind.True or JsonValueKind.False => _allowed.HasFlag(JsonTypes.Boolean),
            JsonValueKind.Null => _allowed.HasFlag(JsonTypes.Null),
            JsonValueKind.Number => _allowed.HasFlag(JsonTypes.Number)
                || (_allowed.HasFlag(JsonTypes.Integer) && JsonNumber.From(instance).IsInteger),
            _ => false,
        };
        return matches || context.Fail(location, "type", _message);
    }

    private static JsonTypes Parse(string name, string pointer)
    {
        foreach (var (type, typeName, _) in Names)
        {
            if (typeName == name)
            {
                return type;
            }
        }

        throw new JsonSchemaException($"'type' at {pointer} names an unknown type \"{name}\".");
    }
}
