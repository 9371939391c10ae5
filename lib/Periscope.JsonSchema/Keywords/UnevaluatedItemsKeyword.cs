using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>unevaluatedItems</c> (Core 2020-12 §11.2): items that <c>prefixItems</c>, <c>items</c>, <c>contains</c>
/// or a passing in-place subschema did not evaluate must match the schema. Runs after every other keyword of its schema.
/// </summary>
internal sealed class UnevaluatedItemsKeyword(SchemaNode schema) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array || annotations!.AllItems)
        {
            return true;
        }

        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (!annotations.HasItem(index) && !schema.EvaluateUnder("unevaluatedItems", context, item, location.Item(index), null))
            {
                valid = false;
                if (context.ShouldStop)
                {
                    break;
                }
            }

            index++;
        }

        annotations.AllItems |= valid;
        return valid;
    }
}
