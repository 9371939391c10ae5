using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>prefixItems</c> and <c>items</c> together (Core 2020-12 §10.3.1.1–10.3.1.2): the first items each
/// against their own schema, every later item against <c>items</c>.
/// </summary>
internal sealed class ItemsKeyword(SchemaNode[] prefix, SchemaNode? rest) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            var (schema, keyword) = index < prefix.Length ? (prefix[index], "prefixItems") : (rest, "items");
            if (schema is null)
            {
                break;
            }

            if (!schema.EvaluateUnder(keyword, context, item, location.Item(index), null))
            {
                valid = false;
                if (context.ShouldStop)
                {
                    return false;
                }
            }

            index++;
        }

        if (valid && annotations is not null)
        {
            annotations.ExtendItemPrefix(Math.Min(index, prefix.Length));
            annotations.AllItems |= rest is not null;
        }

        return valid;
    }
}
