using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>dependentRequired</c>: when a property is present, others are required too (Validation 2020-12 §6.5.4).</summary>
internal sealed class DependentRequiredKeyword(KeyValuePair<string, string[]>[] dependencies) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var (trigger, names) in dependencies)
        {
            if (!instance.TryGetProperty(trigger, out _))
            {
                continue;
            }

            foreach (var name in names)
            {
                if (!instance.TryGetProperty(name, out _))
                {
                    valid = context.Fail(location.Property(name), "dependentRequired", trigger, static trigger => $"is required when \"{trigger}\" is present");
                    if (context.ShouldStop)
                    {
                        return false;
                    }
                }
            }
        }

        return valid;
    }
}
