using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>const</c>: the instance equals the value (Validation 2020-12 §6.1.3).</summary>
internal sealed class ConstKeyword(JsonElement expected) : Keyword
{
    private readonly string _message = $"must be {JsonText.Show(expected)}";

    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations) =>
        JsonElementComparer.Instance.Equals(expected, instance) || context.Fail(location, "const", _message);
}
