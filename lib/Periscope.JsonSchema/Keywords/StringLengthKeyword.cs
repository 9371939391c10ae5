using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>minLength</c> and <c>maxLength</c>, counted in code points (Validation 2020-12 §6.3.1–6.3.2).</summary>
internal sealed class StringLengthKeyword(string keyword, long limit, bool upper) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var length = JsonText.CodePointLength(instance.GetString()!);
        if (upper ? length <= limit : length >= limit)
        {
            return true;
        }

        return context.Fail(location, keyword, (limit, length, upper), static state =>
            $"must be at {(state.upper ? "most" : "least")} {state.limit} character{(state.limit == 1 ? "" : "s")} long (was {state.length})");
    }
}
