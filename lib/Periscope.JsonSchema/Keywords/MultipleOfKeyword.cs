using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>multipleOf</c>: a number divided by the value leaves an integer (Validation 2020-12 §6.2.1).</summary>
internal sealed class MultipleOfKeyword : Keyword
{
    private readonly JsonNumber _divisor;
    private readonly string _message;

    private MultipleOfKeyword(JsonNumber divisor)
    {
        _divisor = divisor;
        _message = $"must be a multiple of {divisor}";
    }

    public static MultipleOfKeyword Compile(JsonElement value, string pointer)
    {
        if (value.ValueKind != JsonValueKind.Number || JsonNumber.From(value) is not { Double: > 0 } divisor)
        {
            throw new JsonSchemaException($"'multipleOf' at {pointer} must be a number greater than 0.");
        }

        return new MultipleOfKeyword(divisor);
    }

    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations) =>
        instance.ValueKind != JsonValueKind.Number
        || JsonNumber.From(instance).IsMultipleOf(_divisor)
        || context.Fail(location, "multipleOf", _message);
}
