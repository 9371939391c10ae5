using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>unevaluatedProperties</c> (Core 2020-12 §11.3): properties that no adjacent keyword, nor any passing
/// subschema applied in place, evaluated must match the schema. Runs after every other keyword of its schema.
/// </summary>
internal sealed class UnevaluatedPropertiesKeyword(SchemaNode schema) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            if (annotations!.HasProperty(property.Name))
            {
                continue;
            }

            if (schema.EvaluateUnder("unevaluatedProperties", context, property.Value, location.Property(property.Name), null))
            {
                annotations.AddProperty(property.Name);
            }
            else
            {
                valid = false;
                if (context.ShouldStop)
                {
                    break;
                }
            }
        }

        return valid;
    }
}
