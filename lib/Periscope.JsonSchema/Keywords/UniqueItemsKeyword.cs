using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>uniqueItems: true</c>: no two items are equal as JSON (Validation 2020-12 §6.4.3), found in one hashed pass.</summary>
internal sealed class UniqueItemsKeyword : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array || instance.GetArrayLength() < 2)
        {
            return true;
        }

        var seen = new Dictionary<JsonElement, int>(JsonElementComparer.Instance);
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (!seen.TryAdd(item, index))
            {
                return context.Fail(location, "uniqueItems", (first: seen[item], index), static state =>
                    $"must not contain duplicate items (items {state.first} and {state.index} are equal)");
            }

            index++;
        }

        return true;
    }
}
