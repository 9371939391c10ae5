using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>enum</c>: the instance equals one of the listed values (Validation 2020-12 §6.1.2).</summary>
internal sealed class EnumKeyword : Keyword
{
    private readonly HashSet<JsonElement> _values;
    private readonly string _message;

    private EnumKeyword(List<JsonElement> values)
    {
        _values = new HashSet<JsonElement>(values, JsonElementComparer.Instance);
        _message = $"must be one of: {JsonText.ShowList(values)}";
    }

    public static EnumKeyword Compile(JsonElement value, string pointer) =>
        value.ValueKind == JsonValueKind.Array
            ? new EnumKeyword([.. value.EnumerateArray()])
            : throw new JsonSchemaException($"'enum' at {pointer} must be an array.");

    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations) =>
        _values.Contains(instance) || context.Fail(location, "enum", _message);
}
