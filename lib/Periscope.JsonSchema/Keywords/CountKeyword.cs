using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>minItems</c>/<c>maxItems</c> for arrays and <c>minProperties</c>/<c>maxProperties</c> for objects
/// (Validation 2020-12 §6.4.1–6.4.2, §6.5.1–6.5.2).
/// </summary>
internal sealed class CountKeyword(string keyword, long limit, bool upper) : Keyword
{
    private readonly bool _items = keyword.EndsWith("Items", StringComparison.Ordinal);

    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        int count;
        if (_items && instance.ValueKind == JsonValueKind.Array)
        {
            count = instance.GetArrayLength();
        }
        else if (!_items && instance.ValueKind == JsonValueKind.Object)
        {
            count = instance.GetPropertyCount();
        }
        else
        {
            return true;
        }

        if (upper ? count <= limit : count >= limit)
        {
            return true;
        }

        var noun = (_items, limit == 1) switch
        {
            (true, true) => "item",
            (true, false) => "items",
            (false, true) => "property",
            (false, false) => "properties",
        };
        return context.Fail(location, keyword, (limit, count, upper, noun), static state =>
            $"must have at {(state.upper ? "most" : "least")} {state.limit} {state.noun} (had {state.count})");
    }
}
