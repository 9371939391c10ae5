using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>dependentSchemas</c>: when a property is present, the whole object must also match a schema (Core 2020-12 §10.2.2.4).</summary>
internal sealed class DependentSchemasKeyword(KeyValuePair<string, SchemaNode>[] dependencies) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var (trigger, schema) in dependencies)
        {
            if (instance.TryGetProperty(trigger, out _) && !schema.EvaluateInPlace(context, instance, location, annotations))
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
