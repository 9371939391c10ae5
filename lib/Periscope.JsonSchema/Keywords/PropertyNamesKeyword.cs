using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>propertyNames</c>: every property name, as a string instance, matches the schema (Core 2020-12
/// §10.3.2.4). A failure is reported at the property, naming it.
/// </summary>
internal sealed class PropertyNamesKeyword(SchemaNode schema) : Keyword
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
            var name = JsonSerializer.SerializeToElement(property.Name);
            if (!context.Probe(schema, name, location, null))
            {
                valid = context.Fail(location.Property(property.Name), "propertyNames", property.Name, static name => $"is not an allowed property name (\"{name}\")");
                if (context.ShouldStop)
                {
                    break;
                }
            }
        }

        return valid;
    }
}
